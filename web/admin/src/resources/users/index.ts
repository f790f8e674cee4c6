import PeopleIcon from '@mui/icons-material/People';
import { lazy } from 'react';
import { loadUserList } from '../../page-modules';

/** Клиенты: list with every filter of the API, the client card, tag editing. */
export const userResource = {
  list: lazy(loadUserList),
  show: lazy(() => import('./UserShow')),
  edit: lazy(() => import('./UserEdit')),
  icon: PeopleIcon,
  options: { label: 'Клиенты' },
};
