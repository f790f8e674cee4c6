import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { Clock } from '../../../common/clock/clock';
import { num, PeriodInput, resolvePeriod } from './resolve-period';

export interface SourceRow {
  /** users.source: the first deep-link payload, `direct` without one. */
  source: string;
  /** Registrations in the period. */
  registrations: number;
  /** Of those registrations: subscribed to the channel now. */
  subscriptions: number;
  /** Redemptions in the period by clients of this source (whenever they registered). */
  redemptions: number;
}

export interface SourcesView {
  from: string;
  to: string;
  /** Most registrations first, then most redemptions, then by name. */
  items: SourceRow[];
}

/** Registrations, subscriptions and redemptions by the clients' source; test data never counts. */
export class GetSourcesQuery extends Query<SourcesView> {
  constructor(readonly period: PeriodInput) {
    super();
  }
}

@QueryHandler(GetSourcesQuery)
export class GetSourcesHandler implements IQueryHandler<GetSourcesQuery, SourcesView> {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
    private readonly db: DataSource,
  ) {}

  async execute({ period: input }: GetSourcesQuery): Promise<SourcesView> {
    const { from, to, startUtc: start, endUtc: end } = await resolvePeriod(this.queries, this.clock, input);
    const [registrations, redemptions] = (await Promise.all([
      this.db.query(
        `SELECT source, COUNT(*) AS registrations, SUM(is_subscribed) AS subscriptions FROM users
          WHERE status IN ('active', 'blocked', 'deleted') AND is_test = 0 AND created_at >= ? AND created_at < ?
          GROUP BY source`,
        [start, end],
      ),
      this.db.query(
        `SELECT u.source, COUNT(*) AS redemptions
           FROM discount_usage_logs l
           JOIN discounts d ON d.id = l.discount_id
           JOIN users u ON u.id = l.user_id
          WHERE l.created_at >= ? AND l.created_at < ? AND l.action = 'redeemed' AND d.is_test = 0 AND u.is_test = 0
          GROUP BY u.source`,
        [start, end],
      ),
    ])) as [
      { source: string; registrations: unknown; subscriptions: unknown }[],
      { source: string; redemptions: unknown }[],
    ];
    const rows = new Map<string, SourceRow>();
    const row = (source: string) => {
      let found = rows.get(source);
      if (!found) {
        found = { source, registrations: 0, subscriptions: 0, redemptions: 0 };
        rows.set(source, found);
      }
      return found;
    };
    for (const r of registrations) {
      Object.assign(row(r.source), {
        registrations: num(r.registrations),
        subscriptions: num(r.subscriptions),
      });
    }
    for (const r of redemptions) row(r.source).redemptions = num(r.redemptions);
    const items = [...rows.values()].sort(
      (a, b) =>
        b.registrations - a.registrations ||
        b.redemptions - a.redemptions ||
        a.source.localeCompare(b.source),
    );
    return { from, to, items };
  }
}
