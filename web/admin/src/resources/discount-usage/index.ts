import HistoryIcon from '@mui/icons-material/History';
import { lazy } from 'react';

/** Журнал использования кодов: every check and redemption attempt, from every channel. */
export const discountUsageResource = {
  list: lazy(() => import('./UsageList')),
  icon: HistoryIcon,
  options: { label: 'Использование кодов' },
};
