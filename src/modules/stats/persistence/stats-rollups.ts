import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, LessThanOrEqual, Not, Repository } from 'typeorm';
import { insertRows } from '../../../infrastructure/database/insert-rows';
import { RollupBounds, RollupFigure, RollupGeneration, RollupMetric } from '../domain/rollup';
import { StatsRollup } from './stats-rollup.entity';

/** A complete, valid rollup generation a reader may use. */
export interface RollupCoverage extends RollupGeneration {
  id: number;
  startedAt: Date;
}

/** Shop dates, both included. */
export interface DayRange {
  from: string;
  to: string;
}

/** Old generations stay this long after a newer one completes, for readers that picked them just before. */
const KEEP_SUPERSEDED_MS = 15 * 60_000;
/** A generation still building after this long was abandoned (its worker died). */
const ABANDONED_AFTER_MS = 60 * 60_000;
/** Any generation this old is gone (the hourly builds keep the current offset's newest far younger). */
const STALE_AFTER_MS = 24 * 60 * 60_000;

/** The rollup generations and their figures (stats_rollups, stats_rollup_days). */
@Injectable()
export class StatsRollups {
  constructor(
    @InjectRepository(StatsRollup) private readonly rollups: Repository<StatsRollup>,
    private readonly db: DataSource,
  ) {}

  /**
   * The newest complete and valid generation cut with this offset, or null. One whose cutoff is still ahead
   * of `now` (built by a host whose clock ran ahead) is not read: rows of the minutes before its cutoff may
   * not have been written when it was built.
   */
  async current(offsetMinutes: number, now: Date): Promise<RollupCoverage | null> {
    const found = await this.rollups.findOne({
      where: {
        offsetMinutes,
        completedAt: Not(IsNull()),
        invalidatedAt: IsNull(),
        cutoff: LessThanOrEqual(now),
      },
      order: { cutoff: 'DESC', id: 'DESC' },
    });
    return found
      ? {
          id: found.id,
          coveredUntil: found.coveredUntil,
          cutoff: found.cutoff,
          rebuiltAt: found.rebuiltAt,
          startedAt: found.startedAt,
        }
      : null;
  }

  /** Data counted in every generation changed after the fact: none of them (built or building) is read again. */
  async invalidateAll(at: Date): Promise<void> {
    await this.rollups.update({ invalidatedAt: IsNull() }, { invalidatedAt: at });
  }

  /** Starts a generation (not read until complete). */
  async begin(bounds: RollupBounds, basedOn: RollupCoverage | null, at: Date): Promise<number> {
    const { identifiers } = await this.rollups.insert({
      offsetMinutes: bounds.offsetMinutes,
      coveredUntil: bounds.coveredUntil,
      cutoff: bounds.cutoff,
      basedOnRollupId: basedOn?.id ?? null,
      rebuiltAt: basedOn?.rebuiltAt ?? at,
      startedAt: at,
    });
    return Number(identifiers[0].id);
  }

  /** Every figure of `fromId` into `toId`. */
  async copy(fromId: number, toId: number): Promise<void> {
    await this.db.query(
      `INSERT INTO stats_rollup_days (rollup_id, metric, day, dimension, value)
       SELECT ?, metric, day, dimension, value FROM stats_rollup_days WHERE rollup_id = ?`,
      [toId, fromId],
    );
  }

  /** Adds figures to a generation (to the value already there, if any). */
  async add(rollupId: number, figures: RollupFigure[]): Promise<void> {
    await insertRows(
      this.db,
      'stats_rollup_days',
      figures
        .filter((f) => f.value > 0)
        .map((f) => ({
          rollup_id: rollupId,
          metric: f.metric,
          day: f.day,
          dimension: f.dimension,
          value: f.value,
        })),
      // VALUES(): MariaDB has no row alias (`AS new`); MySQL 8.0.20+ only warns that it is deprecated
      { onDuplicate: 'value = value + VALUES(value)' },
    );
  }

  /**
   * Makes a generation readable, unless it or the generation it was built on was set aside (or deleted)
   * meanwhile. Both rows are locked in primary-key order, as invalidateAll() locks them: a set-aside comes
   * wholly before (nothing completes) or wholly after (it sets this one aside too).
   */
  async complete(rollupId: number, basedOn: number | null, at: Date): Promise<boolean> {
    return this.db.transaction(async (manager) => {
      const ids = basedOn === null ? [rollupId] : [rollupId, basedOn];
      const rows = (await manager.query(
        'SELECT id FROM stats_rollups WHERE id IN (?) AND invalidated_at IS NULL ORDER BY id FOR UPDATE',
        [ids],
      )) as { id: number }[];
      if (rows.length !== ids.length) return false;
      await manager.query('UPDATE stats_rollups SET completed_at = ? WHERE id = ?', [at, rollupId]);
      return true;
    });
  }

  /**
   * Drops, figures with them (ON DELETE CASCADE): generations of the newest one's offset superseded by it
   * more than KEEP_SUPERSEDED_MS ago (a reader that picked one just before is long done); set-aside ones and
   * builds abandoned for an hour; anything a day old (another offset's, after a time zone change).
   */
  async prune(now: Date): Promise<number> {
    const ago = (ms: number) => new Date(now.getTime() - ms);
    const superseded = (await this.db.query(
      `DELETE r FROM stats_rollups r
         JOIN (SELECT id, offset_minutes, completed_at FROM stats_rollups
                WHERE completed_at IS NOT NULL AND invalidated_at IS NULL
                ORDER BY cutoff DESC, id DESC LIMIT 1) AS newest
        WHERE r.id <> newest.id AND r.offset_minutes = newest.offset_minutes AND r.completed_at IS NOT NULL
          AND r.started_at < newest.completed_at AND newest.completed_at < ?`,
      [ago(KEEP_SUPERSEDED_MS)],
    )) as { affectedRows?: number };
    const stale = (await this.db.query(
      `DELETE FROM stats_rollups
        WHERE (started_at < ? AND (invalidated_at IS NOT NULL OR completed_at IS NULL)) OR started_at < ?`,
      [ago(ABANDONED_AFTER_MS), ago(STALE_AFTER_MS)],
    )) as { affectedRows?: number };
    return (superseded.affectedRows ?? 0) + (stale.affectedRows ?? 0);
  }

  /** A metric of a generation summed over the days, by day (all dimensions) or by dimension (all days). */
  async sum(
    by: 'day' | 'dimension',
    rollupId: number,
    metric: RollupMetric,
    days: DayRange,
  ): Promise<Map<string, number>> {
    const rows = (await this.db.query(
      `SELECT ${by === 'day' ? "DATE_FORMAT(day, '%Y-%m-%d')" : 'dimension'} AS k, SUM(value) AS n
         FROM stats_rollup_days WHERE rollup_id = ? AND metric = ? AND day BETWEEN ? AND ? GROUP BY k`,
      [rollupId, metric, days.from, days.to],
    )) as { k: string; n: unknown }[];
    return new Map(rows.map((r) => [String(r.k), Number(r.n)]));
  }
}
