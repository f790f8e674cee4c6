import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, Not, Repository } from 'typeorm';
import { RollupBounds, RollupFigure, RollupMetric } from '../domain/rollup';
import { StatsRollup } from './stats-rollup.entity';

/** A complete, valid rollup generation a reader may use. */
export interface RollupCoverage {
  id: number;
  coveredUntil: Date;
  cutoff: Date;
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
const INSERT_BATCH = 1000;

/** The rollup generations and their figures (stats_rollups, stats_rollup_days). */
@Injectable()
export class StatsRollups {
  constructor(
    @InjectRepository(StatsRollup) private readonly rollups: Repository<StatsRollup>,
    private readonly db: DataSource,
  ) {}

  /** The newest complete and valid generation cut with this offset, or null. */
  async current(offsetMinutes: number): Promise<RollupCoverage | null> {
    const found = await this.rollups.findOne({
      where: { offsetMinutes, completedAt: Not(IsNull()), invalidatedAt: IsNull() },
      order: { cutoff: 'DESC', id: 'DESC' },
    });
    return found ? { id: found.id, coveredUntil: found.coveredUntil, cutoff: found.cutoff } : null;
  }

  /** A metric summed over the days, by dimension. */
  async byDimension(rollupId: number, metric: RollupMetric, days: DayRange): Promise<Map<string, number>> {
    return this.sum('dimension', rollupId, metric, days);
  }

  /** A metric summed over its dimensions, by day. */
  async byDay(rollupId: number, metric: RollupMetric, days: DayRange): Promise<Map<string, number>> {
    return this.sum('day', rollupId, metric, days);
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
    for (let i = 0; i < figures.length; i += INSERT_BATCH) {
      const batch = figures.slice(i, i + INSERT_BATCH).filter((f) => f.value > 0);
      if (batch.length === 0) continue;
      await this.db.query(
        `INSERT INTO stats_rollup_days (rollup_id, metric, day, dimension, value)
         VALUES ${batch.map(() => '(?, ?, ?, ?, ?)').join(', ')}
         ON DUPLICATE KEY UPDATE value = value + VALUES(value)`,
        batch.flatMap((f) => [rollupId, f.metric, f.day, f.dimension, f.value]),
      );
    }
  }

  /** Makes a generation readable, unless it was invalidated while building. */
  async complete(rollupId: number, at: Date): Promise<boolean> {
    const result = await this.rollups.update({ id: rollupId, invalidatedAt: IsNull() }, { completedAt: at });
    return (result.affected ?? 0) > 0;
  }

  /**
   * Drops the generations superseded by the newest valid one more than KEEP_SUPERSEDED_MS ago (a reader that
   * picked one just before is long done), invalidated ones, and builds abandoned for an hour; figures go
   * with them (ON DELETE CASCADE).
   */
  async prune(now: Date): Promise<number> {
    const result = (await this.db.query(
      `DELETE r FROM stats_rollups r
         JOIN (SELECT id, completed_at FROM stats_rollups
                WHERE completed_at IS NOT NULL AND invalidated_at IS NULL
                ORDER BY cutoff DESC, id DESC LIMIT 1) AS newest
        WHERE r.id <> newest.id AND r.started_at < newest.completed_at AND newest.completed_at < ?
          AND (r.completed_at IS NOT NULL OR r.invalidated_at IS NOT NULL OR r.started_at < ?)`,
      [new Date(now.getTime() - KEEP_SUPERSEDED_MS), new Date(now.getTime() - ABANDONED_AFTER_MS)],
    )) as { affectedRows?: number };
    return result.affectedRows ?? 0;
  }

  private async sum(
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
