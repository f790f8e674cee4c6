import ChatIcon from '@mui/icons-material/Chat';
import { lazy } from 'react';

/** Тексты бота: message templates with placeholders and a live preview. */
export const messageTemplateResource = {
  list: lazy(() => import('./TextList')),
  edit: lazy(() => import('./TextEdit')),
  show: lazy(() => import('./TextShow')),
  icon: ChatIcon,
  options: { label: 'Тексты бота' },
};
