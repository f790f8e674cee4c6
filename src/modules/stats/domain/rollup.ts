import { DateTime } from 'luxon';
import { ShopPeriod } from './shop-period';

/**
 * The daily stats rollup (see migrations/*-StatsRollups.ts): code-side figures per shop day, built in the
 * background for the days that are over, so a long period reads a few hundred rows instead of counting a
 * million codes. What is not in a rollup (today, a period before the first rollup) is counted live.
 */
export const RollupMetric = {
  /** Codes issued that day (not test codes), by reason. */
  CodesIssued: 'codes_issued',
  /** Of the codes issued that day: those redeemed at least once before the rollup's cutoff, by reason. */
  CodesRedeemed: 'codes_redeemed',
  /** Redemptions logged that day (no test code, no test client), by the code's reason. */
  Redemptions: 'redemptions',
  /** The same redemptions by the client's source (redemptions without a client are left out). */
  RedemptionsBySource: 'redemptions_by_source',
} as const;
export type RollupMetric = (typeof RollupMetric)[keyof typeof RollupMetric];

/**
 * How long after a moment its rows are surely committed: a rollup counts only rows stamped before
 * `now - ROLLUP_GRACE_MS`, so a transaction still open at build time cannot be missed.
 */
export const ROLLUP_GRACE_MS = 5 * 60_000;

/**
 * A generation is built on the previous one for at most this long; then all history is counted again. That
 * heals, within a day, whatever a build cannot see: a row committed more than ROLLUP_GRACE_MS after its
 * timestamp, a host clock off by more than that, data changed by hand, a set-aside that was never recorded.
 */
export const FULL_BUILD_EVERY_MS = 24 * 60 * 60_000;

/** What a rollup built now covers: the shop days over before the cutoff, and the cutoff itself. */
export interface RollupBounds {
  /** Redemption logs before it count in `codes_redeemed`. */
  cutoff: Date;
  /** The shop midnight (UTC) at or before the cutoff: the days before it are covered. */
  coveredUntil: Date;
  /** The zone's UTC offset in minutes on that day (ShopPeriod's fixed-offset rule). */
  offsetMinutes: number;
}

export function rollupBounds(now: Date, zone: string): RollupBounds {
  const cutoff = new Date(now.getTime() - ROLLUP_GRACE_MS);
  const midnight = DateTime.fromJSDate(cutoff, { zone }).startOf('day');
  return { cutoff, coveredUntil: midnight.toUTC().toJSDate(), offsetMinutes: midnight.offset };
}

/** The parts of a generation a new build looks at. */
export interface RollupGeneration {
  coveredUntil: Date;
  cutoff: Date;
  /** When its chain was last counted from scratch. */
  rebuiltAt: Date;
}

/**
 * Whether a build with `bounds` may start from `previous` (copy it, add the days since and the first
 * redemptions since its cutoff) rather than count all history: only forward in time, and only within a day
 * of the chain's last full build.
 */
export function canBuildOn(previous: RollupGeneration, bounds: RollupBounds, now: Date): boolean {
  return (
    previous.coveredUntil <= bounds.coveredUntil &&
    previous.cutoff <= bounds.cutoff &&
    now.getTime() - previous.rebuiltAt.getTime() < FULL_BUILD_EVERY_MS
  );
}

/** A period cut where a rollup's coverage ends: the days read from the rollup, and the live rest. */
export interface PeriodSplit {
  /** The period's first and last shop date found in the rollup, or null when none is. */
  rolled: { from: string; to: string } | null;
  /** The UTC start of the live rest (the period's end when nothing is left live). */
  liveFrom: Date;
}

const DAY_MS = 86_400_000;

/**
 * Splits a period at `coveredUntil` (a shop midnight cut with the period's own offset; null: no rollup).
 * The rollup covers all history before it, so the rolled part, when any, starts with the period.
 */
export function splitAtCoverage(period: ShopPeriod, coveredUntil: Date | null): PeriodSplit {
  const start = period.startUtc.getTime();
  const end = period.endUtc.getTime();
  if (coveredUntil === null || coveredUntil.getTime() <= start) {
    return { rolled: null, liveFrom: period.startUtc };
  }
  const until = Math.min(coveredUntil.getTime(), end);
  const rolledDays = Math.round((until - start) / DAY_MS);
  return {
    rolled: { from: period.days[0], to: period.days[rolledDays - 1] },
    liveFrom: new Date(until),
  };
}

/** One figure of a rollup: a metric on a shop day by a dimension (a reason or a source). */
export interface RollupFigure {
  metric: RollupMetric;
  day: string;
  dimension: string;
  value: number;
}

/** Sums counted rows into figures of one metric by (day, dimension); rows without either are left out. */
export function figuresOf<R extends { day: string | null; n: number }>(
  metric: RollupMetric,
  rows: R[],
  dimension: (row: R) => string | null,
): RollupFigure[] {
  const figures = new Map<string, RollupFigure>();
  for (const row of rows) {
    const key = dimension(row);
    if (row.day === null || key === null || row.n === 0) continue;
    const id = `${row.day}|${key}`;
    const figure = figures.get(id) ?? { metric, day: row.day, dimension: key, value: 0 };
    figure.value += row.n;
    figures.set(id, figure);
  }
  return [...figures.values()];
}
