import { Module } from '@nestjs/common';
import { StatsController } from './http/stats.controller';
import { GetDailyHandler } from './queries/get-daily.query';
import { GetKpiHandler } from './queries/get-kpi.query';
import { GetSourcesHandler } from './queries/get-sources.query';

/**
 * Read-side statistics (SPEC 5 stats): SQL straight into DTOs over users, discounts, usage logs, broadcasts
 * and cashiers, no entities of its own. Ranges filter on indexed created_at columns in UTC; see ShopPeriod.
 */
@Module({
  controllers: [StatsController],
  providers: [GetKpiHandler, GetDailyHandler, GetSourcesHandler],
})
export class StatsModule {}
