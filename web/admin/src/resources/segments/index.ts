import FilterAltIcon from '@mui/icons-material/FilterAlt';
import { lazy } from 'react';

/** Сегменты: the visual rule builder with the live count. */
export const segmentResource = {
  list: lazy(() => import('./SegmentList')),
  create: lazy(() => import('./SegmentCreate')),
  edit: lazy(() => import('./SegmentEdit')),
  show: lazy(() => import('./SegmentShow')),
  icon: FilterAltIcon,
  options: { label: 'Сегменты' },
};
