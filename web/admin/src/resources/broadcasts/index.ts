import CampaignIcon from '@mui/icons-material/Campaign';
import { lazy } from 'react';

/** Рассылки: compose with a Telegram preview, send or schedule, watch the delivery. */
export const broadcastResource = {
  list: lazy(() => import('./BroadcastList')),
  create: lazy(() => import('./BroadcastCreate')),
  edit: lazy(() => import('./BroadcastEdit')),
  show: lazy(() => import('./BroadcastShow')),
  icon: CampaignIcon,
  options: { label: 'Рассылки' },
};
