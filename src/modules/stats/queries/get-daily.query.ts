import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { Clock } from '../../../common/clock/clock';
import { shopDay } from '../persistence/code-facts';
import { CodeFigures } from './code-figures';
import { num } from '../persistence/sql-number';
import { PeriodInput, resolvePeriod } from './resolve-period';

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
    private readonly codes: CodeFigures,
  ) {}

  async execute({ period: input }: GetDailyQuery): Promise<DailyView> {
    const period = await resolvePeriod(this.queries, this.clock, input);
    const { startUtc: start, endUtc: end, offsetMinutes: offset } = period;
    const day = (column: string) => shopDay(column, offset);
    const [users, messages, codes] = await Promise.all([
      // index-only: idx_users_is_test_created_at_stats
      this.db.query(
        `SELECT ${day('created_at')} AS day, COUNT(*) AS n FROM users
          WHERE is_test = 0 AND created_at >= ? AND created_at < ? AND status IN ('active', 'blocked', 'deleted')
          GROUP BY day`,
        [start, end],
      ) as Promise<Row[]>,
      // the few broadcasts running during the period, then their sent rows by (broadcast_id, status)
      this.db.query(
        `SELECT ${day('bd.sent_at')} AS day, COUNT(*) AS n
           FROM broadcasts b JOIN broadcast_deliveries bd ON bd.broadcast_id = b.id AND bd.status = 'sent'
          WHERE b.is_test = 0 AND b.started_at < ? AND (b.finished_at IS NULL OR b.finished_at >= ?)
            AND bd.sent_at >= ? AND bd.sent_at < ?
          GROUP BY day`,
        [end, start, start, end],
      ) as Promise<Row[]>,
      this.codes.cut(period).then((cut) => this.codes.daily(cut)),
    ]);
    const index = (rows: Row[]) => new Map(rows.map((r) => [String(r.day), num(r.n)]));
    const [u, m] = [index(users), index(messages)];
    return {
      from: period.from,
      to: period.to,
      days: period.days.map((date) => ({
        date,
        newUsers: u.get(date) ?? 0,
        codesIssued: codes.issued.get(date) ?? 0,
        redemptions: codes.redemptions.get(date) ?? 0,
        messagesSent: m.get(date) ?? 0,
      })),
    };
  }
}
