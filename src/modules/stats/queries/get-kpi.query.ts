import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { Clock } from '../../../common/clock/clock';
import { CodeFigures } from './code-figures';
import { num } from '../persistence/sql-number';
import { PeriodInput, ratio, resolvePeriod } from './resolve-period';

export const DISCOUNT_REASONS = ['subscription', 'birthday', 'manual', 'bulk', 'referral'] as const;
export type DiscountReason = (typeof DISCOUNT_REASONS)[number];
export type ByReason = Record<DiscountReason, number>;

export interface KpiView {
  from: string;
  to: string;
  users: {
    /** Clients (active or blocked, not deleted) registered before the end of the period. */
    total: number;
    /** Registrations in the period (whatever became of them since). */
    new: number;
    /** Of `total`: subscribed to the channel now, and the share. */
    subscribed: number;
    subscribedShare: number;
    /** Of `total`: with a birthday entered. */
    birthdaysSet: number;
    /** Registrations in the period through another client's referral link. */
    referrals: number;
  };
  codes: {
    issued: number;
    issuedByReason: ByReason;
    /** Redemptions in the period (a shared code counts once per client), by the code's reason. */
    redeemed: number;
    redeemedByReason: ByReason;
    /** Of the codes issued in the period: the share redeemed at least once by now. */
    redemptionRate: number;
  };
  broadcasts: {
    /** Broadcasts finished as `sent` in the period. */
    sent: number;
    /** Recipients of the broadcasts finished (sent or failed) in the period, and what became of them. */
    recipients: number;
    delivered: number;
    blocked: number;
    deliveryRate: number;
    blockRate: number;
  };
  /** Approved cashiers now. */
  activeCashiers: number;
}

/** KPIs of a shop-time period; test data never counts. */
export class GetKpiQuery extends Query<KpiView> {
  constructor(readonly period: PeriodInput) {
    super();
  }
}

const byReason = (counts: Map<string, number>): ByReason => {
  const result = Object.fromEntries(DISCOUNT_REASONS.map((r) => [r, 0])) as ByReason;
  for (const [reason, n] of counts) if (reason in result) result[reason as DiscountReason] = n;
  return result;
};
const sum = (values: ByReason) => Object.values(values).reduce((a, b) => a + b, 0);

@QueryHandler(GetKpiQuery)
export class GetKpiHandler implements IQueryHandler<GetKpiQuery, KpiView> {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
    private readonly db: DataSource,
    private readonly codes: CodeFigures,
  ) {}

  async execute({ period: input }: GetKpiQuery): Promise<KpiView> {
    const period = await resolvePeriod(this.queries, this.clock, input);
    const { from, to, startUtc: start, endUtc: end } = period;
    const cut = await this.codes.cut(period);
    const [[totals], [fresh], issued, redeemed, [broadcasts], [deliveries], [cashiers]] = await Promise.all([
      // index-only: idx_users_is_test_created_at_stats
      this.db.query(
        `SELECT COUNT(*) AS total, SUM(is_subscribed) AS subscribed, SUM(birth_date IS NOT NULL) AS birthdays
             FROM users WHERE status IN ('active', 'blocked') AND is_test = 0 AND created_at < ?`,
        [end],
      ) as Promise<{ total: unknown; subscribed: unknown; birthdays: unknown }[]>,
      this.db.query(
        `SELECT COUNT(*) AS n, COUNT(referred_by_user_id) AS referrals FROM users
            WHERE status IN ('active', 'blocked', 'deleted') AND is_test = 0 AND created_at >= ? AND created_at < ?`,
        [start, end],
      ) as Promise<{ n: unknown; referrals: unknown }[]>,
      this.codes.issued(cut),
      this.codes.redemptions(cut),
      // broadcasts is a small table (a few a week)
      this.db.query(
        `SELECT COUNT(*) AS n FROM broadcasts
            WHERE is_test = 0 AND status = 'sent' AND finished_at >= ? AND finished_at < ?`,
        [start, end],
      ) as Promise<{ n: unknown }[]>,
      // PRIMARY (broadcast_id, ...) of the few broadcasts finished in the period
      this.db.query(
        `SELECT COUNT(*) AS recipients, SUM(bd.status = 'sent') AS delivered, SUM(bd.status = 'blocked') AS blocked
             FROM broadcasts b JOIN broadcast_deliveries bd ON bd.broadcast_id = b.id
            WHERE b.is_test = 0 AND b.status IN ('sent', 'failed') AND b.finished_at >= ? AND b.finished_at < ?`,
        [start, end],
      ) as Promise<{ recipients: unknown; delivered: unknown; blocked: unknown }[]>,
      this.db.query(`SELECT COUNT(*) AS n FROM cashiers WHERE status = 'approved'`) as Promise<
        { n: unknown }[]
      >,
    ]);
    const total = num(totals.total);
    const issuedByReason = byReason(issued.byReason);
    const redeemedByReason = byReason(redeemed.byReason);
    const recipients = num(deliveries.recipients);
    return {
      from,
      to,
      users: {
        total,
        new: num(fresh.n),
        subscribed: num(totals.subscribed),
        subscribedShare: ratio(num(totals.subscribed), total),
        birthdaysSet: num(totals.birthdays),
        referrals: num(fresh.referrals),
      },
      codes: {
        issued: sum(issuedByReason),
        issuedByReason,
        redeemed: sum(redeemedByReason),
        redeemedByReason,
        redemptionRate: ratio(issued.redeemed, sum(issuedByReason)),
      },
      broadcasts: {
        sent: num(broadcasts.n),
        recipients,
        delivered: num(deliveries.delivered),
        blocked: num(deliveries.blocked),
        deliveryRate: ratio(num(deliveries.delivered), recipients),
        blockRate: ratio(num(deliveries.blocked), recipients),
      },
      activeCashiers: num(cashiers.n),
    };
  }
}
