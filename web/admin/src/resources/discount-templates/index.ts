import LocalOfferIcon from '@mui/icons-material/LocalOffer';
import { lazy } from 'react';

/** Шаблоны скидок: what a code is worth and how it may be issued. */
export const discountTemplateResource = {
  list: lazy(() => import('./TemplateList')),
  create: lazy(() => import('./TemplateCreate')),
  edit: lazy(() => import('./TemplateEdit')),
  icon: LocalOfferIcon,
  options: { label: 'Шаблоны скидок' },
};
