import { Command, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { Clock } from '../../../common/clock/clock';
import { GetSettingQuery } from '../../settings/queries/get-setting.query';
import { figuresOf, RollupFigure, RollupMetric, rollupBounds } from '../domain/rollup';
import { CodeFacts, Range } from '../persistence/code-facts';
import { RollupCoverage, StatsRollups } from '../persistence/stats-rollups';

export interface RefreshStatsRollupResult {
  rollupId: number;
  /** `incremental`: the previous generation plus the days since; `full`: all history counted again. */
  mode: 'full' | 'incremental';
  coveredUntil: string;
  figures: number;
  /** False when invalidated while building (a newer refresh is on its way). */
  completed: boolean;
}

/** Builds a new rollup generation up to the last shop day that is over (see domain/rollup.ts). */
export class RefreshStatsRollupCommand extends Command<RefreshStatsRollupResult> {}

const EPOCH = new Date(0);

@CommandHandler(RefreshStatsRollupCommand)
export class RefreshStatsRollupHandler implements ICommandHandler<
  RefreshStatsRollupCommand,
  RefreshStatsRollupResult
> {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
    private readonly facts: CodeFacts,
    private readonly rollups: StatsRollups,
  ) {}

  async execute(): Promise<RefreshStatsRollupResult> {
    const now = this.clock.now();
    const bounds = rollupBounds(now, await this.queries.execute(new GetSettingQuery('shop.timezone')));
    await this.rollups.prune(now);
    const previous = await this.rollups.current(bounds.offsetMinutes);
    const base =
      previous && previous.coveredUntil <= bounds.coveredUntil && previous.cutoff <= bounds.cutoff
        ? previous
        : null;
    const rollupId = await this.rollups.begin(bounds, base, now);
    if (base) await this.rollups.copy(base.id, rollupId);

    const newDays = { from: base?.coveredUntil ?? EPOCH, to: bounds.coveredUntil };
    const figures = [
      ...(newDays.from < newDays.to ? await this.days(newDays, bounds.cutoff, bounds.offsetMinutes) : []),
      ...(base ? await this.laterFirstRedemptions(base, bounds.cutoff, bounds.offsetMinutes) : []),
    ];
    await this.rollups.add(rollupId, figures);
    const completed = await this.rollups.complete(rollupId, this.clock.now());
    return {
      rollupId,
      mode: base ? 'incremental' : 'full',
      coveredUntil: bounds.coveredUntil.toISOString(),
      figures: figures.length,
      completed,
    };
  }

  /** Every figure of the days in `range`, counting first redemptions logged before the cutoff. */
  private async days(range: Range, cutoff: Date, offset: number): Promise<RollupFigure[]> {
    const [issued, redemptions, redeemed] = await Promise.all([
      this.facts.issued(range, offset),
      this.facts.redemptions(range, offset),
      this.facts.firstRedemptions(range, { from: null, before: cutoff }, offset),
    ]);
    return [
      ...figuresOf(RollupMetric.CodesIssued, issued, (r) => r.reason),
      ...figuresOf(RollupMetric.Redemptions, redemptions, (r) => r.reason),
      ...figuresOf(RollupMetric.RedemptionsBySource, redemptions, (r) => r.source),
      ...figuresOf(RollupMetric.CodesRedeemed, redeemed, (r) => r.reason),
    ];
  }

  /** Codes of the days the base covers, first redeemed between its cutoff and the new one. */
  private async laterFirstRedemptions(base: RollupCoverage, cutoff: Date, offset: number) {
    const rows = await this.facts.firstRedemptions(
      { from: EPOCH, to: base.coveredUntil },
      { from: base.cutoff, before: cutoff },
      offset,
    );
    return figuresOf(RollupMetric.CodesRedeemed, rows, (r) => r.reason);
  }
}
