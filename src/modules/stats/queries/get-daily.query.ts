import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { Clock } from '../../../common/clock/clock';
import { num, PeriodInput, resolvePeriod } from './resolve-period';

export interface DailyPoint {
  /** A shop-time date YYYY-MM-DD. */
  date: string;
  newUsers: number;
  codesIssued: number;
  redemptions: number;
  /** Broadcast messages delivered that day (not test broadcasts). */
  messagesSent: number;
}

export interface DailyView {
  from: string;
  to: string;
  /** One point per shop day of the period, in order; a day without events is all zeros. */
  days: DailyPoint[];
}

/** A series by shop-time day; test data never counts. */
export class GetDailyQuery extends Query<DailyView> {
  constructor(readonly period: PeriodInput) {
    super();
  }
}

type Row = { day: string | Date; n: unknown };

@QueryHandler(GetDailyQuery)
export class GetDailyHandler implements IQueryHandler<GetDailyQuery, DailyView> {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
    private readonly db: DataSource,
  ) {}

  async execute({ period: input }: GetDailyQuery): Promise<DailyView> {
    const period = await resolvePeriod(this.queries, this.clock, input);
    const { startUtc: start, endUtc: end, offsetMinutes: offset } = period;
    // The UTC range filters on an indexed column; the shop day is the UTC time moved by the zone's fixed
    // offset (see ShopPeriod), formatted as text so no driver time zone touches it.
    const day = (column: string) => `DATE_FORMAT(${column} + INTERVAL ${Number(offset)} MINUTE, '%Y-%m-%d')`;
    const [users, codes, redemptions, messages] = (await Promise.all([
      // covering: idx_users_status_is_test_created_at
      this.db.query(
        `SELECT ${day('created_at')} AS day, COUNT(*) AS n FROM users
          WHERE status IN ('active', 'blocked', 'deleted') AND is_test = 0 AND created_at >= ? AND created_at < ?
          GROUP BY day`,
        [start, end],
      ),
      // covering: idx_discounts_is_test_created_at_reason
      this.db.query(
        `SELECT ${day('created_at')} AS day, COUNT(*) AS n FROM discounts
          WHERE is_test = 0 AND created_at >= ? AND created_at < ? GROUP BY day`,
        [start, end],
      ),
      this.db.query(
        `SELECT ${day('l.created_at')} AS day, COUNT(*) AS n
           FROM discount_usage_logs l JOIN discounts d ON d.id = l.discount_id
          WHERE l.created_at >= ? AND l.created_at < ? AND l.action = 'redeemed' AND d.is_test = 0
            AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = l.user_id AND u.is_test = 1)
          GROUP BY day`,
        [start, end],
      ),
      // the few broadcasts running during the period, then their sent rows by (broadcast_id, status)
      this.db.query(
        `SELECT ${day('bd.sent_at')} AS day, COUNT(*) AS n
           FROM broadcasts b JOIN broadcast_deliveries bd ON bd.broadcast_id = b.id AND bd.status = 'sent'
          WHERE b.is_test = 0 AND b.started_at < ? AND (b.finished_at IS NULL OR b.finished_at >= ?)
            AND bd.sent_at >= ? AND bd.sent_at < ?
          GROUP BY day`,
        [end, start, start, end],
      ),
    ])) as Row[][];
    const index = (rows: Row[]) => new Map(rows.map((r) => [String(r.day), num(r.n)]));
    const [u, c, r, m] = [index(users), index(codes), index(redemptions), index(messages)];
    return {
      from: period.from,
      to: period.to,
      days: period.days.map((date) => ({
        date,
        newUsers: u.get(date) ?? 0,
        codesIssued: c.get(date) ?? 0,
        redemptions: r.get(date) ?? 0,
        messagesSent: m.get(date) ?? 0,
      })),
    };
  }
}
