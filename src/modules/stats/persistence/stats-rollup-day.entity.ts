import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { StatsRollup } from './stats-rollup.entity';

/** One figure of a rollup generation: a metric on one shop day, by one dimension (a reason or a source). */
@Entity('stats_rollup_days')
export class StatsRollupDay {
  @PrimaryColumn({ type: 'int', unsigned: true })
  @ForeignKey(() => StatsRollup, {
    name: 'fk_stats_rollup_days_rollup',
    onDelete: 'CASCADE',
    onUpdate: 'RESTRICT',
  })
  rollupId: number;

  /** A RollupMetric (domain/rollup.ts). */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  metric: string;

  /** The shop-time date. */
  @PrimaryColumn({ type: 'date' })
  day: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  dimension: string;

  @Column({ type: 'int', unsigned: true })
  value: number;
}
