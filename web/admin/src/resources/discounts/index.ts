import ConfirmationNumberIcon from '@mui/icons-material/ConfirmationNumber';
import { lazy } from 'react';
import { loadDiscountList } from '../../page-modules';

/** Коды: filters, issue to a client, revoke, redeem by an admin, the usage log of each code. */
export const discountResource = {
  list: lazy(loadDiscountList),
  show: lazy(() => import('./DiscountShow')),
  icon: ConfirmationNumberIcon,
  options: { label: 'Коды' },
};
