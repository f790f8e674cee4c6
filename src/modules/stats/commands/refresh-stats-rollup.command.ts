import { Command, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { Clock } from '../../../common/clock/clock';
import { GetSettingQuery } from '../../settings/queries/get-setting.query';
import { canBuildOn, figuresOf, RollupFigure, RollupMetric, rollupBounds } from '../domain/rollup';
import { CodeFacts, Range } from '../persistence/code-facts';
import { RollupCoverage, StatsRollups } from '../persistence/stats-rollups';

export interface RefreshStatsRollupResult {
  rollupId: number | null;
  /**
   * `incremental`: the previous generation plus the days since; `full`: all history counted again;
   * `skipped`: a generation started after the change asked for was already there.
   */
  mode: 'full' | 'incremental' | 'skipped';
  coveredUntil: string;
  figures: number;
  /** False when set aside while building (the change that did it enqueued another build). */
  completed: boolean;
}

/**
 * Builds a new rollup generation up to the last shop day that is over (see domain/rollup.ts). With
 * `changedAt` (a build asked for by a change): nothing to do if a generation started after it is readable,
 * so a burst of changes costs one build.
 */
export class RefreshStatsRollupCommand extends Command<RefreshStatsRollupResult> {
  constructor(readonly changedAt: Date | null = null) {
    super();
  }
}

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

  async execute({ changedAt }: RefreshStatsRollupCommand): Promise<RefreshStatsRollupResult> {
    const now = this.clock.now();
    const bounds = rollupBounds(now, await this.queries.execute(new GetSettingQuery('shop.timezone')));
    await this.rollups.prune(now);
    const previous = await this.rollups.current(bounds.offsetMinutes, now);
    if (changedAt && previous && previous.startedAt > changedAt) {
      return {
        rollupId: null,
        mode: 'skipped',
        coveredUntil: previous.coveredUntil.toISOString(),
        figures: 0,
        completed: true,
      };
    }
    const base = previous && canBuildOn(previous, bounds, now) ? previous : null;
    const rollupId = await this.rollups.begin(bounds, base, now);
    if (base) await this.rollups.copy(base.id, rollupId);

    const newDays = { from: base?.coveredUntil ?? EPOCH, to: bounds.coveredUntil };
    const figures = [
      ...(newDays.from < newDays.to ? await this.days(newDays, bounds.cutoff, bounds.offsetMinutes) : []),
      ...(base ? await this.laterFirstRedemptions(base, bounds.cutoff, bounds.offsetMinutes) : []),
    ];
    await this.rollups.add(rollupId, figures);
    const completed = await this.rollups.complete(rollupId, base?.id ?? null, this.clock.now());
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
