import { SegmentFilter } from '../domain/segment-filter';
import { Segment } from '../persistence/segment.entity';

/** A saved segment as the admin API shows it. */
export interface SegmentView {
  id: number;
  name: string;
  description: string | null;
  filter: SegmentFilter;
  isSystem: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export function toSegmentView(segment: Segment): SegmentView {
  return {
    id: segment.id,
    name: segment.name,
    description: segment.description,
    filter: segment.filter,
    isSystem: Boolean(segment.isSystem),
    createdAt: segment.createdAt,
    updatedAt: segment.updatedAt,
  };
}
