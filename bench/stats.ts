/**
 * Speed of the stats endpoints and the admin lists at the scale of issue 7 (100 000 clients, 1 000 000 codes).
 *
 *   npm run bench:stats            (BENCH_USERS=100000 BENCH_DISCOUNTS=1000000 BENCH_AUDIT_LOGS=200000 BENCH_RUNS=9)
 *
 * Creates a throwaway database `dvorik_bench_<run>` on BENCH_DATABASE_SERVER (default
 * mysql://root@127.0.0.1:3306), migrates it, seeds clients and codes with multi-row INSERTs (the users-list
 * bench's seed: registrations over two years, codes over one), a redemption for every used code, twelve
 * broadcasts with deliveries, three cashiers and BENCH_AUDIT_LOGS audit rows over a year (mostly redemptions
 * and issues, some registrations, admin logins and edits), starts the application (api role) on a random port
 * and times, as the median of BENCH_RUNS requests after warm-up: each stats endpoint over a year counted live
 * (before any rollup), the daily rollup's full and incremental builds (single runs; the answers read from the
 * rollup must equal the live ones), then each stats endpoint for the default period (30 days) and for a whole
 * year, and each admin list (users, discounts, the usage log, broadcasts, the audit
 * log, cashiers, segments) at default paging and with a typical filter. Each figure is also printed as a
 * ratio to a bare indexed `SELECT COUNT(*)` over the codes of the last 30 days, timed through the same pool in
 * the same run, so figures compare across machines. The database and the run's Redis keys are dropped at the
 * end, whatever happens (BENCH_KEEP_DB=1 keeps the database); the script exits by itself. BENCH_REDIS_URL
 * (default redis://127.0.0.1:6379/0) names the Redis.
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import type { Connection } from 'mysql2/promise';
import { CommandBus } from '@nestjs/cqrs';
import { RefreshStatsRollupCommand } from '../src/modules/stats/commands/refresh-stats-rollup.command';
import * as harness from './support/harness';
import { seedStatsShop } from './stats-seed';

const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const DISCOUNTS = Number(process.env.BENCH_DISCOUNTS ?? 1_000_000);
const AUDIT_LOGS = Number(process.env.BENCH_AUDIT_LOGS ?? 200_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const DATABASE = harness.benchDatabase();
const NOW = new Date();
const ZONE = 'Asia/Vladivostok';

const today = DateTime.fromJSDate(NOW, { zone: ZONE }).startOf('day');
const monthStart = today.minus({ days: 29 });
const yearStart = today.minus({ days: 365 });
const YEAR = `from=${yearStart.toISODate()}&to=${today.toISODate()}`;

const BASELINE_SQL =
  'SELECT COUNT(*) AS n FROM discounts WHERE is_test = 0 AND created_at >= ? AND created_at < ?';
const BASELINE_PARAMS = [monthStart.toUTC().toJSDate(), today.plus({ days: 1 }).toUTC().toJSDate()];

/** The last 30 days as ISO times with the shop's offset, for the lists that take `from` and `to` times. */
const MONTH_TIMES = `from=${encodeURIComponent(monthStart.toISO() ?? '')}&to=${encodeURIComponent(today.plus({ days: 1 }).toISO() ?? '')}`;
/** A client with codes and redemptions to filter the lists by (codes go to random clients). */
const ONE_USER = Math.max(1, Math.ceil(USERS / 2));

const CASES: [string, string][] = [
  ['kpi: last 30 days (default)', '/api/v1/stats/kpi'],
  ['kpi: a year', `/api/v1/stats/kpi?${YEAR}`],
  ['daily: last 30 days (default)', '/api/v1/stats/daily'],
  ['daily: a year (366 points)', `/api/v1/stats/daily?${YEAR}`],
  ['sources: last 30 days (default)', '/api/v1/stats/sources'],
  ['sources: a year', `/api/v1/stats/sources?${YEAR}`],
  // The admin lists at default paging (page 1 of 20), then with a typical filter.
  ['users: defaults', '/api/v1/users'],
  ['users: q=Смирнова', `/api/v1/users?q=${encodeURIComponent('Смирнова')}`],
  ['discounts: defaults', '/api/v1/discounts'],
  ['discounts: status=active', '/api/v1/discounts?status=active'],
  ['discounts: reason=birthday', '/api/v1/discounts?reason=birthday'],
  ['discounts: userId=<one client>', `/api/v1/discounts?userId=${ONE_USER}`],
  ['usage log: defaults', '/api/v1/discounts/usage'],
  ['usage log: userId=<one client>', `/api/v1/discounts/usage?userId=${ONE_USER}`],
  ['usage log: last 30 days (from/to)', `/api/v1/discounts/usage?${MONTH_TIMES}`],
  ['broadcasts: defaults', '/api/v1/broadcasts'],
  ['broadcasts: status=sent', '/api/v1/broadcasts?status=sent'],
  ['audit log: defaults', '/api/v1/audit-logs'],
  ['audit log: action=discount.redeemed', '/api/v1/audit-logs?action=discount.redeemed'],
  ['audit log: last 30 days (from/to)', `/api/v1/audit-logs?${MONTH_TIMES}`],
  ['cashiers: defaults', '/api/v1/cashiers'],
  ['cashiers: status=approved', '/api/v1/cashiers?status=approved'],
  ['segments: defaults (no filters)', '/api/v1/segments'],
];

const seed = (db: Connection) =>
  seedStatsShop(db, { users: USERS, codes: DISCOUNTS, auditLogs: AUDIT_LOGS, now: NOW, seed: 20_261_125 });

/** The stats cases over a year, timed once counted all live (before any rollup) and once with the rollup. */
const YEAR_CASES = CASES.filter(([name]) => name.includes('a year'));

async function measure({ app, base, dataSource, headers }: harness.RunningBench): Promise<void> {
  const get = async (path: string) => {
    const response = await fetch(`${base}${path}`, { headers });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${body}`);
    return body;
  };

  await harness.printPlan(dataSource, BASELINE_SQL, BASELINE_PARAMS);
  const [{ n }] = (await dataSource.query(BASELINE_SQL, BASELINE_PARAMS)) as { n: string }[];
  const baseline = await harness.timed(RUNS * 2, () => dataSource.query(BASELINE_SQL, BASELINE_PARAMS));
  const rows: harness.ResultRow[] = [
    ['baseline: bare indexed COUNT, codes of 30 days (DB only)', baseline, `${n} codes`],
  ];

  // Before any rollup: a year counted live, and the answers to compare with the rollup's.
  const liveAnswers = new Map<string, string>();
  for (const [name, path] of YEAR_CASES) {
    const ms = await harness.timed(RUNS, () => get(path));
    liveAnswers.set(path, await get(path));
    rows.push([`${name} (live, no rollup yet)`, ms, 'counted from the tables']);
  }
  // The rollup: a full build (first time) and an incremental one (what the hourly job does).
  const refresh = () => app.get(CommandBus).execute(new RefreshStatsRollupCommand());
  for (const kind of ['full', 'incremental']) {
    const started = performance.now();
    const built = await refresh();
    rows.push([
      `rollup build: ${kind}`,
      performance.now() - started,
      `${built.mode}, ${built.figures} figures`,
    ]);
  }
  for (const [path, live] of liveAnswers) {
    if ((await get(path)) !== live)
      throw new Error(`${path}: the rollup answers differently from the live count`);
  }
  console.log('the year-long answers read from the rollup are identical to the live counts');

  for (const [name, path] of CASES) {
    const ms = await harness.timed(RUNS, () => get(path));
    const body = await get(path);
    const { total } = JSON.parse(body) as { total?: unknown };
    rows.push([
      name,
      ms,
      `${typeof total === 'number' ? `${total} match, ` : ''}${Buffer.byteLength(body)} bytes`,
    ]);
  }
  const kpi = JSON.parse(await get('/api/v1/stats/kpi')) as { users: unknown; codes: { issued: number } };
  console.log(`\nkpi (30 days): ${JSON.stringify(kpi)}`);

  harness.printTable(rows, baseline, 58);
}

harness.runBench(async () => {
  console.log(
    `stats bench: ${USERS} users, ${DISCOUNTS} codes, median of ${RUNS} runs, database ${DATABASE.name}`,
  );
  await harness.benchWithApp(DATABASE, seed, measure);
});
