import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { Clock } from '../../../common/clock/clock';
import { CodeFigures } from './code-figures';
import { num } from '../persistence/sql-number';
import { PeriodInput, resolvePeriod } from './resolve-period';

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
    private readonly codes: CodeFigures,
  ) {}

  async execute({ period: input }: GetSourcesQuery): Promise<SourcesView> {
    const period = await resolvePeriod(this.queries, this.clock, input);
    const { from, to, startUtc: start, endUtc: end } = period;
    const [registrations, redemptions] = await Promise.all([
      // index-only: idx_users_is_test_created_at_stats
      this.db.query(
        `SELECT source, COUNT(*) AS registrations, SUM(is_subscribed) AS subscriptions FROM users
          WHERE is_test = 0 AND created_at >= ? AND created_at < ? AND status IN ('active', 'blocked', 'deleted')
          GROUP BY source`,
        [start, end],
      ) as Promise<{ source: string; registrations: unknown; subscriptions: unknown }[]>,
      this.codes.cut(period).then((cut) => this.codes.redemptions(cut)),
    ]);
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
    for (const [source, n] of redemptions.bySource) row(source).redemptions = n;
    const items = [...rows.values()].sort(
      (a, b) =>
        b.registrations - a.registrations ||
        b.redemptions - a.redemptions ||
        a.source.localeCompare(b.source),
    );
    return { from, to, items };
  }
}
