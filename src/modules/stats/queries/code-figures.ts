import { Injectable } from '@nestjs/common';
import { Clock } from '../../../common/clock/clock';
import { PeriodSplit, RollupMetric, splitAtCoverage } from '../domain/rollup';
import { ShopPeriod } from '../domain/shop-period';
import { CodeFacts, Range } from '../persistence/code-facts';
import { RollupCoverage, StatsRollups } from '../persistence/stats-rollups';

/** Counts by key (a reason, a source or a shop date). */
export type Counts = Map<string, number>;

export interface IssuedFigures {
  byReason: Counts;
  /** Of the codes issued in the period: redeemed at least once by now. */
  redeemed: number;
}

export interface RedemptionFigures {
  byReason: Counts;
  /** Redemptions with a client, by the client's source. */
  bySource: Counts;
}

export interface PeriodCut {
  period: ShopPeriod;
  /** The generation read for the closed days, or null (all live). */
  coverage: RollupCoverage | null;
  split: PeriodSplit;
  /** The UTC range counted live, or null when the rollup covers the whole period. */
  live: Range | null;
}

export interface DailyCodeFigures {
  issued: Counts;
  redemptions: Counts;
}

const add = (into: Counts, key: string | null, n: number) => {
  if (key !== null) into.set(key, (into.get(key) ?? 0) + n);
};
const merged = (...parts: Counts[]): Counts => {
  const result: Counts = new Map();
  for (const part of parts) for (const [key, n] of part) add(result, key, n);
  return result;
};
const total = (counts: Counts) => [...counts.values()].reduce((a, b) => a + b, 0);

/**
 * The code-side figures of a shop-time period: the days a rollup covers are read from it, the rest (today,
 * or all of it without a rollup) is counted live with the same CodeFacts the rollup was built with, so the
 * answer is the same either way. Codes of rolled-up days first redeemed after the rollup's cutoff are
 * counted live from the few logs since.
 */
@Injectable()
export class CodeFigures {
  constructor(
    private readonly facts: CodeFacts,
    private readonly rollups: StatsRollups,
    private readonly clock: Clock,
  ) {}

  /** Where the period is cut: the generation to read (if any, one for the whole request) and the live rest. */
  async cut(period: ShopPeriod): Promise<PeriodCut> {
    const coverage = await this.rollups.current(period.offsetMinutes, this.clock.now());
    const split = splitAtCoverage(period, coverage?.coveredUntil ?? null);
    const live: Range | null =
      split.liveFrom < period.endUtc ? { from: split.liveFrom, to: period.endUtc } : null;
    return { period, coverage, split, live };
  }

  async issued({ period, coverage, split, live }: PeriodCut): Promise<IssuedFigures> {
    const [liveRows, rolledIssued, rolledRedeemed, laterRedeemed] = await Promise.all([
      live ? this.facts.issued(live, null) : [],
      this.rolled(coverage, split, RollupMetric.CodesIssued, 'dimension'),
      this.rolled(coverage, split, RollupMetric.CodesRedeemed, 'dimension'),
      coverage && split.rolled
        ? this.facts.firstRedemptions(
            { from: period.startUtc, to: split.liveFrom },
            { from: coverage.cutoff, before: null },
            null,
          )
        : [],
    ]);
    const liveIssued: Counts = new Map();
    for (const row of liveRows) add(liveIssued, row.reason, row.n);
    return {
      byReason: merged(rolledIssued, liveIssued),
      redeemed:
        total(rolledRedeemed) +
        laterRedeemed.reduce((n, row) => n + row.n, 0) +
        liveRows.reduce((n, row) => n + row.redeemed, 0),
    };
  }

  async redemptions({ coverage, split, live }: PeriodCut): Promise<RedemptionFigures> {
    const [liveRows, rolledByReason, rolledBySource] = await Promise.all([
      live ? this.facts.redemptions(live, null) : [],
      this.rolled(coverage, split, RollupMetric.Redemptions, 'dimension'),
      this.rolled(coverage, split, RollupMetric.RedemptionsBySource, 'dimension'),
    ]);
    const [byReason, bySource]: Counts[] = [new Map(), new Map()];
    for (const row of liveRows) {
      add(byReason, row.reason, row.n);
      add(bySource, row.source, row.n);
    }
    return { byReason: merged(rolledByReason, byReason), bySource: merged(rolledBySource, bySource) };
  }

  async daily({ period, coverage, split, live }: PeriodCut): Promise<DailyCodeFigures> {
    const offset = period.offsetMinutes;
    const [issuedRows, redemptionRows, rolledIssued, rolledRedemptions] = await Promise.all([
      live ? this.facts.issued(live, offset) : [],
      live ? this.facts.redemptions(live, offset) : [],
      this.rolled(coverage, split, RollupMetric.CodesIssued, 'day'),
      this.rolled(coverage, split, RollupMetric.Redemptions, 'day'),
    ]);
    const [issued, redemptions]: Counts[] = [new Map(), new Map()];
    for (const row of issuedRows) add(issued, row.day, row.n);
    for (const row of redemptionRows) add(redemptions, row.day, row.n);
    return { issued: merged(rolledIssued, issued), redemptions: merged(rolledRedemptions, redemptions) };
  }

  private async rolled(
    coverage: RollupCoverage | null,
    split: PeriodSplit,
    metric: RollupMetric,
    by: 'day' | 'dimension',
  ): Promise<Counts> {
    if (!coverage || !split.rolled) return new Map();
    return this.rollups.sum(by, coverage.id, metric, split.rolled);
  }
}
