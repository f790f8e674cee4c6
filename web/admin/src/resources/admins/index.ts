import AdminPanelSettingsIcon from '@mui/icons-material/AdminPanelSettings';
import { lazy } from 'react';

/** Администраторы (owner only). */
export const adminResource = {
  list: lazy(() => import('./AdminList')),
  create: lazy(() => import('./AdminCreate')),
  edit: lazy(() => import('./AdminEdit')),
  icon: AdminPanelSettingsIcon,
  options: { label: 'Администраторы' },
};
