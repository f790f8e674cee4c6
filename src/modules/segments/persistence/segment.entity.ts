import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { SegmentFilter } from '../domain/segment-filter';

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

  /** The rule tree of SPEC 5 (domain/segment-filter.ts); checked before every save. */
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
