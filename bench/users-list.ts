/**
 * Speed of the users list and CSV export at the scale of SPEC 10 (100 000 clients).
 *
 *   npm run bench:users-list            (BENCH_USERS=100000 BENCH_DISCOUNTS=100000 BENCH_RUNS=15)
 *
 * Creates a throwaway database `dvorik_bench_<run>` on BENCH_DATABASE_SERVER (default
 * mysql://root@127.0.0.1:3306), migrates it, seeds clients and codes with multi-row INSERTs, starts the
 * application (api role) on a random port and times, as the median of BENCH_RUNS requests after warm-up:
 * the list endpoint with several filters and the full CSV export. Each figure is printed as a ratio to a
 * bare indexed `SELECT * FROM users WHERE status = 'active' AND is_test = 0 ORDER BY created_at DESC
 * LIMIT 20` timed through the same connection pool in the same run, so figures compare across machines.
 * The database and the run's Redis keys are dropped at the end, whatever happens (BENCH_KEEP_DB=1 keeps the
 * database to look into); the script exits by itself.
 */
import 'reflect-metadata';
import type { Connection } from 'mysql2/promise';
import * as harness from './support/harness';
import { seedShop } from './users-list-seed';

const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const DISCOUNTS = Number(process.env.BENCH_DISCOUNTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const EXPORT_RUNS = Number(process.env.BENCH_EXPORT_RUNS ?? 3);
const DATABASE = harness.benchDatabase();
const NOW = new Date();

const BASELINE_SQL =
  "SELECT * FROM users WHERE status = 'active' AND is_test = 0 ORDER BY created_at DESC LIMIT 20";

/** The list requests harness.timed: a name and a query string. */
const LIST_CASES: [string, string][] = [
  ['list: defaults (active, no test, -createdAt)', ''],
  ['list: page 50', 'page=50'],
  ['list: status=active,blocked', 'status=active,blocked'],
  ['list: q=Смирнова (names, username)', `q=${encodeURIComponent('Смирнова')}`],
  ['list: q=<telegram id>', 'q=7000012345'],
  ['list: tags=vip', 'tags=vip'],
  ['list: tags=vip,опт all', `tags=vip,${encodeURIComponent('опт')}&tagsMatch=all`],
  ['list: source=instagram&subscribed=true', 'source=instagram&subscribed=true'],
  ['list: birthMonth=7', 'birthMonth=7'],
  ['list: registered in one month', 'registeredFrom=2026-01-01&registeredTo=2026-01-31'],
  ['list: lastActivityBefore (a year ago)', `lastActivityBefore=${isoDay(NOW.getTime() - 365 * 86_400_000)}`],
  ['list: hasActiveDiscount=true', 'hasActiveDiscount=true'],
  ['list: sort=firstName', 'sort=firstName'],
  ['list: everything at once', `status=active&tags=vip&source=instagram&birthMonth=7&hasActiveDiscount=true`],
];

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

async function seed(db: Connection): Promise<void> {
  await seedShop(db, { users: USERS, codes: DISCOUNTS, now: NOW, seed: 20_260_714, noun: 'discounts' });
  await db.query('ANALYZE TABLE users, discounts');
}

async function measure({ base, dataSource, headers }: harness.RunningBench): Promise<void> {
  const get = async (path: string) => {
    const response = await fetch(`${base}${path}`, { headers });
    const body = await response.arrayBuffer();
    if (response.status !== 200)
      throw new Error(`${path}: ${response.status} ${Buffer.from(body).toString()}`);
    return { response, bytes: body.byteLength };
  };

  await harness.printPlan(dataSource, BASELINE_SQL);
  const baseline = await harness.timed(RUNS * 2, () => dataSource.query(BASELINE_SQL));
  const rows: harness.ResultRow[] = [['baseline: bare indexed SELECT (DB only)', baseline, '']];

  for (const [name, query] of LIST_CASES) {
    const { total } = JSON.parse(
      Buffer.from(await (await fetch(`${base}/api/v1/users?${query}`, { headers })).arrayBuffer()).toString(),
    ) as { total: number };
    rows.push([name, await harness.timed(RUNS, () => get(`/api/v1/users?${query}`)), `${total} match`]);
  }
  let exported = 0;
  const exportMs = await harness.timed(EXPORT_RUNS, async () => {
    exported = (await get('/api/v1/users/export.csv')).bytes;
  });
  const lines =
    (await (await fetch(`${base}/api/v1/users/export.csv`, { headers })).text()).split('\r\n').length - 2;
  rows.push([
    'export.csv: every client (defaults)',
    exportMs,
    `${lines} rows, ${(exported / 1_048_576).toFixed(1)} MB, ${Math.round(lines / (exportMs / 1000))} rows/s`,
  ]);

  harness.printTable(rows, baseline, 56);
}

harness.runBench(async () => {
  console.log(
    `users-list bench: ${USERS} users, ${DISCOUNTS} codes, median of ${RUNS} runs, database ${DATABASE.name}`,
  );
  await harness.benchWithApp(DATABASE, seed, measure);
});
