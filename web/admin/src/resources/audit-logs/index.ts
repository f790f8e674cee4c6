import HistoryIcon from '@mui/icons-material/History';
import { lazy } from 'react';

/** Журнал: the audit log with filters. */
export const auditLogResource = {
  list: lazy(() => import('./AuditList')),
  icon: HistoryIcon,
  options: { label: 'Журнал' },
};
