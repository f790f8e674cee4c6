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
import { performance } from 'node:perf_hooks';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import Redis from 'ioredis';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app/app.module';
import { configureApp } from '../src/app/configure-app';
import { loadConfig } from '../src/config/load-config';
import { typeOrmOptions } from '../src/infrastructure/database/typeorm-options';
import { AccessTokens } from '../src/modules/auth/tokens/access-tokens';
import { randomFrom, seedDiscounts, seedUsers } from './users-list-seed';

const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const DISCOUNTS = Number(process.env.BENCH_DISCOUNTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const EXPORT_RUNS = Number(process.env.BENCH_EXPORT_RUNS ?? 3);
const SERVER = (process.env.BENCH_DATABASE_SERVER ?? 'mysql://root@127.0.0.1:3306').replace(/\/+$/, '');
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const RUN = `${Date.now().toString(36)}${process.pid}`;
const DATABASE = `dvorik_bench_${RUN}`;
const NOW = new Date();

const BASELINE_SQL =
  "SELECT * FROM users WHERE status = 'active' AND is_test = 0 ORDER BY created_at DESC LIMIT 20";

/** The list requests timed: a name and a query string. */
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
  const random = randomFrom(20_260_714);
  let started = performance.now();
  await seedUsers(db, USERS, NOW, random);
  console.log(`seeded ${USERS} users in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  started = performance.now();
  await seedDiscounts(db, DISCOUNTS, USERS, NOW, random);
  console.log(`seeded ${DISCOUNTS} discounts in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await db.query('ANALYZE TABLE users, discounts');
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
  const inserted = await dataSource.query(
    "INSERT INTO admins (username, password_hash, role, is_active) VALUES ('bench', '!', 'readonly', 1)",
  );
  const { accessToken } = app.get(AccessTokens).sign(Number(inserted.insertId), 'readonly');
  return { app, base: `http://127.0.0.1:${port}`, token: accessToken };
}

async function main(): Promise<void> {
  console.log(
    `users-list bench: ${USERS} users, ${DISCOUNTS} codes, median of ${RUNS} runs, database ${DATABASE}`,
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
      const body = await response.arrayBuffer();
      if (response.status !== 200)
        throw new Error(`${path}: ${response.status} ${Buffer.from(body).toString()}`);
      return { response, bytes: body.byteLength };
    };

    const plan = (await dataSource.query(`EXPLAIN ${BASELINE_SQL}`)) as {
      type: string;
      key: string | null;
    }[];
    console.log(`baseline plan: ${plan.map((p) => `${p.type} on ${p.key}`).join(', ')}`);
    const baseline = await timed(RUNS * 2, () => dataSource.query(BASELINE_SQL));
    const rows: [string, number, string][] = [['baseline: bare indexed SELECT (DB only)', baseline, '']];

    for (const [name, query] of LIST_CASES) {
      const { total } = JSON.parse(
        Buffer.from(
          await (await fetch(`${started.base}/api/v1/users?${query}`, { headers })).arrayBuffer(),
        ).toString(),
      ) as { total: number };
      rows.push([name, await timed(RUNS, () => get(`/api/v1/users?${query}`)), `${total} match`]);
    }
    let exported = 0;
    const exportMs = await timed(EXPORT_RUNS, async () => {
      exported = (await get('/api/v1/users/export.csv')).bytes;
    });
    const lines =
      (await (await fetch(`${started.base}/api/v1/users/export.csv`, { headers })).text()).split('\r\n')
        .length - 2;
    rows.push([
      'export.csv: every client (defaults)',
      exportMs,
      `${lines} rows, ${(exported / 1_048_576).toFixed(1)} MB, ${Math.round(lines / (exportMs / 1000))} rows/s`,
    ]);

    console.log('');
    console.log(`${'case'.padEnd(56)} ${'median ms'.padStart(10)} ${'× baseline'.padStart(11)}  note`);
    for (const [name, ms, note] of rows) {
      console.log(
        `${name.padEnd(56)} ${ms.toFixed(2).padStart(10)} ${(ms / baseline).toFixed(1).padStart(11)}  ${note}`,
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
