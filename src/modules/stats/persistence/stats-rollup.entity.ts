import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One generation of the daily stats rollup (see migrations/*-StatsRollups.ts): it covers every shop day
 * that ends at or before `coveredUntil`, cut with the shop-time offset `offsetMinutes`; its `codes_redeemed`
 * figures count first redemptions logged before `cutoff`.
 */
@Entity('stats_rollups')
export class StatsRollup {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true })
  id: number;

  @Column({ type: 'smallint' })
  offsetMinutes: number;

  /** A shop midnight (UTC): the rollup covers the days before it. */
  @Column({ type: 'datetime', precision: 3 })
  coveredUntil: Date;

  /** Redemption logs before this time are in the rollup's `codes_redeemed`; later ones are counted live. */
  @Column({ type: 'datetime', precision: 3 })
  cutoff: Date;

  /** The generation this one was built from (null: built from scratch). */
  @Column({ type: 'int', unsigned: true, nullable: true })
  basedOnRollupId: number | null;

  /** When this generation's chain was last counted from scratch (a full build); see FULL_BUILD_EVERY_MS. */
  @Column({ type: 'datetime', precision: 3 })
  rebuiltAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  startedAt: Date;

  /** Null while building; a generation is read only once complete. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  completedAt: Date | null;

  /** Set when data it counted changed after the fact (a client marked as test): never read again. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  invalidatedAt: Date | null;
}
