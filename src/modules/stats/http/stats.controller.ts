import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyAdmin } from '../../../common/auth/access.decorators';
import { DailyView, GetDailyQuery } from '../queries/get-daily.query';
import { GetKpiQuery, KpiView } from '../queries/get-kpi.query';
import { GetSourcesQuery, SourcesView } from '../queries/get-sources.query';
import { DailyResponse, KpiResponse, SourcesResponse, StatsPeriodQueryDto } from './stats.dto';

/**
 * KPIs for the owner: periods are shop-time days, test data never counts. Code-side figures of the days
 * that are over come from the hourly daily rollup, the rest is counted live: the same answer either way.
 */
@ApiTags('stats')
@Controller('api/v1/stats')
export class StatsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('kpi')
  @AnyAdmin()
  @ApiOperation({
    summary: 'KPIs of a period (shop-time days, inclusive); VALIDATION_FAILED — ключевые показатели',
    description:
      'Default period: the last 30 shop days, today included; at most 366 days. Test data never counts. ' +
      'Closed days are read from a daily rollup refreshed hourly, today is counted live; figures are exact.',
  })
  @ApiOkResponse({ type: KpiResponse })
  kpi(@Query() query: StatsPeriodQueryDto): Promise<KpiView> {
    return this.queries.execute(new GetKpiQuery(query));
  }

  @Get('daily')
  @AnyAdmin()
  @ApiOperation({ summary: 'A series by shop-time day; days without events are zeros — показатели по дням' })
  @ApiOkResponse({ type: DailyResponse })
  daily(@Query() query: StatsPeriodQueryDto): Promise<DailyView> {
    return this.queries.execute(new GetDailyQuery(query));
  }

  @Get('sources')
  @AnyAdmin()
  @ApiOperation({
    summary: 'Registrations, subscriptions and redemptions by client source — по источникам клиентов',
  })
  @ApiOkResponse({ type: SourcesResponse })
  sources(@Query() query: StatsPeriodQueryDto): Promise<SourcesView> {
    return this.queries.execute(new GetSourcesQuery(query));
  }
}
