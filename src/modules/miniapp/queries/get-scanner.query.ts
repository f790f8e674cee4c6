import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { DateTime } from 'luxon';
import { Clock } from '../../../common/clock/clock';
import { shopTimeText } from '../../codes/domain/shop-time-text';
import { ListUsageQuery } from '../../codes/queries/list-usage.query';
import { GetSettingQuery } from '../../settings/queries/get-setting.query';
import { CashierStatus } from '../../staff/domain/cashier-status';
import { scannerCashier } from './mini-app-cashier';

/** One of the cashier's redemptions of today. */
export interface TodayRedemption {
  code: string | null;
  at: string;
  /** Shop time `ДД.ММ.ГГГГ ЧЧ:ММ`. */
  atText: string;
}

/** What the scanner opens with: who the cashier is and, for an approved one, today's redemptions. */
export interface Scanner {
  /** `none`: this Telegram account never applied in the staff bot. */
  status: CashierStatus | 'none';
  fullName: string | null;
  today: TodayRedemption[];
}

/** At most this many of today's redemptions are listed (newest first). */
const TODAY_LIMIT = 50;

export class GetScannerQuery extends Query<Scanner> {
  constructor(readonly telegramId: number) {
    super();
  }
}

@QueryHandler(GetScannerQuery)
export class GetScannerHandler implements IQueryHandler<GetScannerQuery, Scanner> {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  async execute({ telegramId }: GetScannerQuery): Promise<Scanner> {
    const cashier = await scannerCashier(this.queries, telegramId);
    if (!cashier) return { status: 'none', fullName: null, today: [] };
    if (cashier.status !== 'approved')
      return { status: cashier.status, fullName: cashier.fullName, today: [] };
    const timezone = await this.queries.execute(new GetSettingQuery('shop.timezone'));
    const now = this.clock.now();
    const from = DateTime.fromJSDate(now, { zone: timezone }).startOf('day').toJSDate();
    const usage = await this.queries.execute(
      new ListUsageQuery(1, TODAY_LIMIT, '-id', { cashierId: cashier.id, action: 'redeemed', from }),
    );
    return {
      status: 'approved',
      fullName: cashier.fullName,
      today: usage.items.map((row) => ({
        code: row.code,
        at: row.createdAt.toISOString(),
        atText: shopTimeText(row.createdAt, timezone),
      })),
    };
  }
}
