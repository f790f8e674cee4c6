import PeopleIcon from '@mui/icons-material/People';
import { lazy } from 'react';

/** Клиенты: list with every filter of the API, the client card, tag editing. */
export const userResource = {
  list: lazy(() => import('./UserList')),
  show: lazy(() => import('./UserShow')),
  edit: lazy(() => import('./UserEdit')),
  icon: PeopleIcon,
  options: { label: 'Клиенты' },
};
