import ConfirmationNumberIcon from '@mui/icons-material/ConfirmationNumber';
import { lazy } from 'react';

/** Коды: filters, issue to a client, revoke, redeem by an admin, the usage log of each code. */
export const discountResource = {
  list: lazy(() => import('./DiscountList')),
  show: lazy(() => import('./DiscountShow')),
  icon: ConfirmationNumberIcon,
  options: { label: 'Коды' },
};
