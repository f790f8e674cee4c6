import SettingsIcon from '@mui/icons-material/Settings';
import { lazy } from 'react';

/** Настройки: a form per setting with its description (owner changes, others read). */
export const settingResource = {
  list: lazy(() => import('./SettingsPage')),
  icon: SettingsIcon,
  options: { label: 'Настройки' },
};
