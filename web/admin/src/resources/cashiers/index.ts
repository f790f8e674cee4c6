import BadgeIcon from '@mui/icons-material/Badge';
import { lazy } from 'react';

/** Кассиры: approve, reject, revoke (owner). */
export const cashierResource = {
  list: lazy(() => import('./CashierList')),
  icon: BadgeIcon,
  options: { label: 'Кассиры' },
};
