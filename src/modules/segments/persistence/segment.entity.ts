import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A leaf rule of a segment filter, e.g. `{ field: 'isSubscribed', op: 'eq', value: true }`. */
export interface SegmentRule {
  field: string;
  op: string;
  value?: unknown;
}

/** A segment filter: groups nest; `{ all: [] }` matches every client. Validated by the segments module. */
export type SegmentFilter = { all: SegmentFilterNode[] } | { any: SegmentFilterNode[] };
export type SegmentFilterNode = SegmentFilter | SegmentRule;

/** A saved audience for broadcasts and bulk actions. */
@Entity('segments')
@Index('uq_segments_name', ['name'], { unique: true })
export class Segment {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true })
  id: number;

  @Column({ type: 'varchar', length: 128 })
  name: string;

  @Column({ type: 'varchar', length: 1024, nullable: true })
  description: string | null;

  @Column({ type: 'json' })
  filter: SegmentFilter;

  /** Seeded by the migrations. */
  @Column({ type: 'boolean', default: false })
  isSystem: boolean;

  @CreateDateColumn({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;

  @UpdateDateColumn({
    type: 'datetime',
    precision: 3,
    default: () => 'CURRENT_TIMESTAMP(3)',
    onUpdate: 'CURRENT_TIMESTAMP(3)',
  })
  updatedAt: Date;
}
