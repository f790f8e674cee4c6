import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RefreshStatsRollupHandler } from './commands/refresh-stats-rollup.command';
import { RollupInvalidationConsumer } from './events/rollup-invalidation.consumer';
import { StatsController } from './http/stats.controller';
import { RefreshStatsRollupJob } from './jobs/refresh-stats-rollup.job';
import { RefreshStatsRollupTick } from './jobs/refresh-stats-rollup.tick';
import { CodeFacts } from './persistence/code-facts';
import { StatsRollup } from './persistence/stats-rollup.entity';
import { StatsRollups } from './persistence/stats-rollups';
import { CodeFigures } from './queries/code-figures';
import { GetDailyHandler } from './queries/get-daily.query';
import { GetKpiHandler } from './queries/get-kpi.query';
import { GetSourcesHandler } from './queries/get-sources.query';

/**
 * Read-side statistics (SPEC 5 stats) in shop-time periods, test data left out. Client-side figures are
 * counted live over covering indexes; code-side figures (codes issued and redeemed, redemptions by reason
 * and source) come from a daily rollup for the days that are over, refreshed hourly by a job and set aside
 * when counted data changes (a client marked as test), plus a live count of the rest: see domain/rollup.ts.
 */
@Module({
  imports: [TypeOrmModule.forFeature([StatsRollup])],
  controllers: [StatsController],
  providers: [
    CodeFacts,
    StatsRollups,
    CodeFigures,
    GetKpiHandler,
    GetDailyHandler,
    GetSourcesHandler,
    RefreshStatsRollupHandler,
    RefreshStatsRollupJob,
    RefreshStatsRollupTick,
    RollupInvalidationConsumer,
  ],
})
export class StatsModule {}
