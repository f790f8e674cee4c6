/**
 * Speed of the stats endpoints at the scale of issue 7 (100 000 clients, 1 000 000 codes).
 *
 *   npm run bench:stats            (BENCH_USERS=100000 BENCH_DISCOUNTS=1000000 BENCH_RUNS=9)
 *
 * Creates a throwaway database `dvorik_bench_<run>` on BENCH_DATABASE_SERVER (default
 * mysql://root@127.0.0.1:3306), migrates it, seeds clients and codes with multi-row INSERTs (the users-list
 * bench's seed: registrations over two years, codes over one), a redemption for every used code, and twelve
 * broadcasts with deliveries, starts the application (api role) on a random port and times each stats
 * endpoint for the default period (30 days) and for a whole year, as the median of BENCH_RUNS requests after
 * warm-up. Each figure is also printed as a ratio to a bare indexed `SELECT COUNT(*)` over the codes of the
 * last 30 days, timed through the same pool in the same run, so figures compare across machines. The
 * database and the run's Redis keys are dropped at the end, whatever happens (BENCH_KEEP_DB=1 keeps the
 * database); the script exits by itself.
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import Redis from 'ioredis';
import { DateTime } from 'luxon';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app/app.module';
import { configureApp } from '../src/app/configure-app';
import { loadConfig } from '../src/config/load-config';
import { typeOrmOptions } from '../src/infrastructure/database/typeorm-options';
import { AccessTokens } from '../src/modules/auth/tokens/access-tokens';
import { randomFrom, seedDiscounts, seedUsers } from './users-list-seed';

const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const DISCOUNTS = Number(process.env.BENCH_DISCOUNTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const SERVER = (process.env.BENCH_DATABASE_SERVER ?? 'mysql://root@127.0.0.1:3306').replace(/\/+$/, '');
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const RUN = `${Date.now().toString(36)}${process.pid}`;
const DATABASE = `dvorik_bench_${RUN}`;
const NOW = new Date();
const ZONE = 'Asia/Vladivostok';

const today = DateTime.fromJSDate(NOW, { zone: ZONE }).startOf('day');
const monthStart = today.minus({ days: 29 });
const yearStart = today.minus({ days: 365 });
const YEAR = `from=${yearStart.toISODate()}&to=${today.toISODate()}`;

const BASELINE_SQL =
  'SELECT COUNT(*) AS n FROM discounts WHERE is_test = 0 AND created_at >= ? AND created_at < ?';
const BASELINE_PARAMS = [monthStart.toUTC().toJSDate(), today.plus({ days: 1 }).toUTC().toJSDate()];

const CASES: [string, string][] = [
  ['kpi: last 30 days (default)', '/api/v1/stats/kpi'],
  ['kpi: a year', `/api/v1/stats/kpi?${YEAR}`],
  ['daily: last 30 days (default)', '/api/v1/stats/daily'],
  ['daily: a year (366 points)', `/api/v1/stats/daily?${YEAR}`],
  ['sources: last 30 days (default)', '/api/v1/stats/sources'],
  ['sources: a year', `/api/v1/stats/sources?${YEAR}`],
];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Median milliseconds of `runs` calls of `work`, after two warm-up calls. */
async function timed(runs: number, work: () => Promise<unknown>): Promise<number> {
  await work();
  await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

async function prepareDatabase(): Promise<string> {
  if (!/bench/.test(DATABASE))
    throw new Error(`refusing database ${DATABASE}: its name must contain "bench"`);
  const server = await createConnection(SERVER);
  await server.query(`CREATE DATABASE \`${DATABASE}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await server.end();
  const url = `${SERVER}/${DATABASE}`;
  const migrator = await new DataSource(typeOrmOptions(url)).initialize();
  await migrator.runMigrations({ transaction: 'each' });
  await migrator.destroy();
  const db = await createConnection({ uri: url, timezone: 'Z', charset: 'utf8mb4_unicode_ci' });
  await db.query("SET time_zone = '+00:00'");
  const random = randomFrom(20_261_125);
  let started = performance.now();
  await seedUsers(db, USERS, NOW, random);
  console.log(`seeded ${USERS} users in ${seconds(started)}`);
  started = performance.now();
  await seedDiscounts(db, DISCOUNTS, USERS, NOW, random);
  console.log(`seeded ${DISCOUNTS} codes in ${seconds(started)}`);
  started = performance.now();
  // a redemption for every used code, an hour to ten days after issue; referrals for 5 % of clients
  await db.query(
    `INSERT INTO discount_usage_logs (discount_id, user_id, channel, action, purchase_amount, discount_amount, created_at)
     SELECT id, user_id, 'staff_bot', 'redeemed', 100000, 10000,
            LEAST(created_at + INTERVAL (1 + id % 240) HOUR, NOW(3))
       FROM discounts WHERE status = 'used'`,
  );
  await db.query(`UPDATE discounts SET redemption_count = 1 WHERE status = 'used'`);
  await db.query(
    `UPDATE users SET referred_by_user_id = 1 + (id * 7) % 1000 WHERE id % 20 = 0 AND id > 1000`,
  );
  console.log(`seeded redemptions and referrals in ${seconds(started)}`);
  started = performance.now();
  // twelve broadcasts, one a month, each to 5 000 clients
  for (let month = 0; month < 12; month++) {
    const startedAt = new Date(NOW.getTime() - (month * 30 + 1) * 86_400_000);
    const finishedAt = new Date(startedAt.getTime() + 3_600_000);
    const inserted = (await db.query(
      `INSERT INTO broadcasts (title, text, status, started_at, finished_at, target_count) VALUES (?, 'Привет', 'sent', ?, ?, 5000)`,
      [`Рассылка ${month}`, startedAt, finishedAt],
    )) as unknown as [{ insertId: number }];
    await db.query(
      `INSERT INTO broadcast_deliveries (broadcast_id, user_id, status, sent_at)
       SELECT ?, id, IF(id % 25 = 0, 'blocked', 'sent'), IF(id % 25 = 0, NULL, ? + INTERVAL (id % 3600) SECOND)
         FROM users WHERE status = 'active' AND is_test = 0 ORDER BY id LIMIT 5000 OFFSET ?`,
      [inserted[0].insertId, startedAt, month * 5000],
    );
  }
  await db.query(
    `INSERT INTO cashiers (telegram_id, full_name, status) VALUES (1, 'Кассир 1', 'approved'), (2, 'Кассир 2', 'approved'), (3, 'Кассир 3', 'pending')`,
  );
  console.log(`seeded broadcasts and cashiers in ${seconds(started)}`);
  await db.query('ANALYZE TABLE users, discounts, discount_usage_logs, broadcasts, broadcast_deliveries');
  await db.end();
  return url;
}

async function startApp(url: string): Promise<{ app: INestApplication; base: string; token: string }> {
  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: url,
    REDIS_URL,
    REDIS_PREFIX: DATABASE,
    JWT_SECRET: 'bench-jwt-secret-that-is-long-enough-0123456789',
    CLIENT_BOT_TOKEN: '111111:bench-client-bot-token',
    STAFF_BOT_TOKEN: '222222:bench-staff-bot-token',
    TELEGRAM_WEBHOOK_SECRET: 'bench-webhook-secret-0123456789',
    INTERNAL_API_KEYS: 'bench-pos-key-0123456789abcdef',
    TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
    APP_ROLES: 'api',
    PORT: '0',
    LOG_LEVEL: 'silent',
  });
  const app = await NestFactory.create(AppModule.forRoot(config), { logger: false });
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  const dataSource = app.get(DataSource);
  const inserted = (await dataSource.query(
    "INSERT INTO admins (username, password_hash, role, is_active) VALUES ('bench', '!', 'readonly', 1)",
  )) as { insertId: number };
  const { accessToken } = app.get(AccessTokens).sign(Number(inserted.insertId), 'readonly');
  return { app, base: `http://127.0.0.1:${port}`, token: accessToken };
}

async function main(): Promise<void> {
  console.log(
    `stats bench: ${USERS} users, ${DISCOUNTS} codes, median of ${RUNS} runs, database ${DATABASE}`,
  );
  let app: INestApplication | undefined;
  try {
    const url = await prepareDatabase();
    const started = await startApp(url);
    app = started.app;
    const dataSource = app.get(DataSource);
    const headers = { Authorization: `Bearer ${started.token}` };
    const get = async (path: string) => {
      const response = await fetch(`${started.base}${path}`, { headers });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${body}`);
      return body;
    };

    const plan = (await dataSource.query(`EXPLAIN ${BASELINE_SQL}`, BASELINE_PARAMS)) as {
      type: string;
      key: string | null;
    }[];
    console.log(`baseline plan: ${plan.map((p) => `${p.type} on ${p.key}`).join(', ')}`);
    const [{ n }] = (await dataSource.query(BASELINE_SQL, BASELINE_PARAMS)) as { n: string }[];
    const baseline = await timed(RUNS * 2, () => dataSource.query(BASELINE_SQL, BASELINE_PARAMS));
    const rows: [string, number, string][] = [
      ['baseline: bare indexed COUNT, codes of 30 days (DB only)', baseline, `${n} codes`],
    ];
    for (const [name, path] of CASES) {
      const ms = await timed(RUNS, () => get(path));
      rows.push([name, ms, `${(await get(path)).length} bytes`]);
    }
    const kpi = JSON.parse(await get('/api/v1/stats/kpi')) as { users: unknown; codes: { issued: number } };
    console.log(`\nkpi (30 days): ${JSON.stringify(kpi)}`);

    console.log('');
    console.log(`${'case'.padEnd(58)} ${'median ms'.padStart(10)} ${'× baseline'.padStart(11)}  note`);
    for (const [name, ms, note] of rows) {
      console.log(
        `${name.padEnd(58)} ${ms.toFixed(2).padStart(10)} ${(ms / baseline).toFixed(1).padStart(11)}  ${note}`,
      );
    }
  } finally {
    await app?.close();
    await cleanUp();
  }
}

async function cleanUp(): Promise<void> {
  if (process.env.BENCH_KEEP_DB) {
    console.log(`kept ${DATABASE} (BENCH_KEEP_DB); drop it by hand`);
    return;
  }
  const server = await createConnection(SERVER);
  await server.query(`DROP DATABASE IF EXISTS \`${DATABASE}\``);
  await server.end();
  const redis = new Redis(REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${DATABASE}:*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
  console.log(`dropped ${DATABASE}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
