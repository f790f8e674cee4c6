import WorkHistoryIcon from '@mui/icons-material/WorkHistory';
import { lazy } from 'react';

/** Задачи: failed background jobs with retry. */
export const jobResource = {
  list: lazy(() => import('./JobList')),
  icon: WorkHistoryIcon,
  options: { label: 'Задачи' },
};
