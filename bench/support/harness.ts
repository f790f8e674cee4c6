/**
 * What the benches share: a throwaway `dvorik_bench_<run>` database (named, created and migrated, dropped),
 * the application started against it on a random port, a readonly admin's token, the timing helpers, the
 * result table and the clean-up of the run's database and Redis keys.
 *
 * Environment: BENCH_DATABASE_SERVER (default mysql://root@127.0.0.1:3306, or what a bench passes as its
 * fallback), BENCH_REDIS_URL (default redis://127.0.0.1:6379/0), BENCH_KEEP_DB (cleanUp keeps the database),
 * BENCH_REUSE_DB=1 (a bench that names its shop keeps it between runs and seeds it only once: reuseOrSeed).
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import Redis from 'ioredis';
import { Connection, createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app/app.module';
import { configureApp } from '../../src/app/configure-app';
import { loadConfig } from '../../src/config/load-config';
import { typeOrmOptions } from '../../src/infrastructure/database/typeorm-options';
import { AccessTokens } from '../../src/modules/auth/tokens/access-tokens';
import { deleteKeys } from '../../test/support/global-teardown';

export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
/** The POS API key every bench app accepts. */
export const BENCH_POS_KEY = 'bench-pos-key-0123456789abcdef';

export interface BenchDatabase {
  /** The server URL without a database (no trailing slash). */
  server: string;
  /** `dvorik_bench_<run>`, or `dvorik_bench_<shop name>` for a kept shop. */
  name: string;
  /** The run's Redis key prefix (`dvorik_bench_<run>`: fresh every run, at most 32 characters). */
  redisPrefix: string;
  /** The server URL with the database. */
  url: string;
  /** Set when BENCH_REUSE_DB asks to keep this shop between runs: what it holds (see reuseOrSeed). */
  shop?: BenchShop;
}

/** A seeded shop worth keeping: its name (`admin_panel_100000_1000000`) and the row counts it must have. */
export interface BenchShop {
  name: string;
  counts: Record<string, number>;
}

/**
 * A database on BENCH_DATABASE_SERVER (else `fallback`); nothing is created yet. Fresh (`dvorik_bench_<run>`),
 * or, with BENCH_REUSE_DB=1 and a `shop`, `dvorik_bench_<shop name>`: kept after the run and reused by the
 * next one when it still holds the shop (benchWithApp).
 */
export function benchDatabase(fallback = 'mysql://root@127.0.0.1:3306', shop?: BenchShop): BenchDatabase {
  const server = (process.env.BENCH_DATABASE_SERVER ?? fallback).replace(/\/+$/, '');
  const reuse = shop && process.env.BENCH_REUSE_DB ? shop : undefined;
  const run = `dvorik_bench_${Date.now().toString(36)}${process.pid}`;
  const name = reuse ? `dvorik_bench_${reuse.name.replace(/[^a-z0-9_]/gi, '_')}`.slice(0, 64) : run;
  return { server, name, redisPrefix: run, url: `${server}/${name}`, shop: reuse };
}

/** The table a kept shop's database is marked with once its seed finished. */
const SEEDED_MARK = 'bench_seeded';

/**
 * Whether the kept database holds `shop`: marked as seeded by a finished run and with `shop.counts` rows in
 * each table. Pending migrations are run on it, as on a fresh one.
 */
async function holdsShop(database: BenchDatabase, shop: BenchShop): Promise<boolean> {
  const db = await createConnection(database.server);
  try {
    const [marks] = (await db.query(
      'SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?',
      [database.name, SEEDED_MARK],
    )) as unknown as [unknown[]];
    if (marks.length === 0) return false;
    for (const [table, count] of Object.entries(shop.counts)) {
      const [[row]] = (await db.query(
        `SELECT COUNT(*) AS n FROM \`${database.name}\`.\`${table}\``,
      )) as unknown as [{ n: number }[]];
      if (Number(row.n) !== count) return false;
    }
    return true;
  } finally {
    await db.end();
  }
}

/** Runs every pending migration on the database. */
async function migrate(database: BenchDatabase): Promise<void> {
  const migrator = await new DataSource(typeOrmOptions(database.url)).initialize();
  await migrator.runMigrations({ transaction: 'each' });
  await migrator.destroy();
}

/** Creates the database (refusing a name without "bench") and runs every migration on it. */
export async function createBenchDatabase(database: BenchDatabase): Promise<void> {
  if (!/bench/.test(database.name))
    throw new Error(`refusing database ${database.name}: its name must contain "bench"`);
  const server = await createConnection(database.server);
  try {
    await server.query(
      `CREATE DATABASE \`${database.name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await server.end();
  }
  await migrate(database);
}

/** DROP DATABASE IF EXISTS, over a connection of its own. */
export async function dropBenchDatabase(database: BenchDatabase): Promise<void> {
  const server = await createConnection(database.server);
  try {
    await server.query(`DROP DATABASE IF EXISTS \`${database.name}\``);
  } finally {
    await server.end();
  }
}

/**
 * The environment of an application on the bench database: production mode, silent, the api role on a random
 * port, bench secrets, Telegram pointed at a closed port, WEB_ROOT passed on; `overrides` win.
 */
export function benchEnv(
  database: BenchDatabase,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: database.url,
    REDIS_URL,
    REDIS_PREFIX: database.redisPrefix,
    JWT_SECRET: 'bench-jwt-secret-that-is-long-enough-0123456789',
    CLIENT_BOT_TOKEN: '111111:bench-client-bot-token',
    STAFF_BOT_TOKEN: '222222:bench-staff-bot-token',
    TELEGRAM_WEBHOOK_SECRET: 'bench-webhook-secret-0123456789',
    INTERNAL_API_KEYS: BENCH_POS_KEY,
    TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
    APP_ROLES: 'api',
    PORT: '0',
    LOG_LEVEL: 'silent',
    // The browser bundles served (a build to compare with, e.g. WEB_ROOT=/tmp/old/web).
    ...(process.env.WEB_ROOT ? { WEB_ROOT: process.env.WEB_ROOT } : {}),
    ...overrides,
  };
}

/** The application (api role, `benchEnv`) in this process, listening on a random port of 127.0.0.1. */
export async function startBenchApp(
  database: BenchDatabase,
): Promise<{ app: INestApplication; base: string }> {
  const app = await NestFactory.create(AppModule.forRoot(loadConfig(benchEnv(database))), { logger: false });
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return { app, base: `http://127.0.0.1:${port}` };
}

/** Inserts a readonly admin `bench` (or finds it in a kept shop) and signs an access token for it. */
export async function benchAdminToken(app: INestApplication): Promise<string> {
  const inserted = (await app
    .get(DataSource)
    .query(
      "INSERT INTO admins (username, password_hash, role, is_active) VALUES ('bench', '!', 'readonly', 1) ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)",
    )) as { insertId: number };
  return app.get(AccessTokens).sign(Number(inserted.insertId), 'readonly').accessToken;
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** What `benchWithApp` hands the measuring code: the app, its base URL, its pool, an admin's header. */
export interface RunningBench {
  app: INestApplication;
  base: string;
  dataSource: DataSource;
  /** `Authorization: Bearer …` of a readonly admin (benchAdminToken). */
  headers: Record<string, string>;
}

/**
 * Creates and migrates `database`, lets `seed` fill it over one connection in UTC, starts the application
 * (startBenchApp) with a readonly admin and runs `measure`; closes the application and drops the database and
 * the run's Redis keys (cleanUp) whatever happens. A kept shop (BENCH_REUSE_DB) that is already there with its
 * counts is only migrated, not seeded again; one that is not is dropped and seeded, then marked.
 */
export async function benchWithApp(
  database: BenchDatabase,
  seed: (db: Connection) => Promise<void>,
  measure: (bench: RunningBench) => Promise<void>,
): Promise<void> {
  let app: INestApplication | undefined;
  try {
    if (database.shop && (await holdsShop(database, database.shop))) {
      console.log(
        `reusing ${database.name} (BENCH_REUSE_DB): it holds ${JSON.stringify(database.shop.counts)}`,
      );
      await migrate(database);
    } else {
      if (database.shop) await dropBenchDatabase(database);
      await createBenchDatabase(database);
      const db = await createConnection({ uri: database.url, timezone: 'Z', charset: 'utf8mb4_unicode_ci' });
      try {
        await db.query("SET time_zone = '+00:00'");
        await seed(db);
        if (database.shop) {
          await db.query(`CREATE TABLE ${SEEDED_MARK} (seeded_at DATETIME(3) NOT NULL)`);
          await db.query(`INSERT INTO ${SEEDED_MARK} VALUES (NOW(3))`);
        }
      } finally {
        await db.end();
      }
    }
    const started = await startBenchApp(database);
    app = started.app;
    const headers = { Authorization: `Bearer ${await benchAdminToken(app)}` };
    await measure({ app, base: started.base, dataSource: app.get(DataSource), headers });
  } finally {
    await app?.close();
    await cleanUp(database);
  }
}

/** Prints how the server runs the baseline query (`baseline plan: range on idx_…`). */
export async function printPlan(dataSource: DataSource, sql: string, params?: unknown[]): Promise<void> {
  const plan = (await dataSource.query(`EXPLAIN ${sql}`, params)) as { type: string; key: string | null }[];
  console.log(`baseline plan: ${plan.map((p) => `${p.type} on ${p.key}`).join(', ')}`);
}

/** Median milliseconds of `runs` calls of `work`, after two warm-up calls. */
export async function timed(runs: number, work: () => Promise<unknown>): Promise<number> {
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

/** Seconds since `since` (a performance.now() reading), e.g. `12.3 s`. */
export const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** One row of the result table: the case, its median milliseconds and a note. */
export type ResultRow = [name: string, ms: number, note: string];

/** The result table after a blank line: each row's median and its ratio to `baseline` ms. */
export function printTable(rows: ResultRow[], baseline: number, nameWidth: number): void {
  console.log('');
  console.log(`${'case'.padEnd(nameWidth)} ${'median ms'.padStart(10)} ${'× baseline'.padStart(11)}  note`);
  for (const [name, ms, note] of rows) {
    console.log(
      `${name.padEnd(nameWidth)} ${ms.toFixed(2).padStart(10)} ${(ms / baseline).toFixed(1).padStart(11)}  ${note}`,
    );
  }
}

/** Drops the database and the run's Redis keys (BENCH_KEEP_DB=1 keeps both and says so). */
export async function cleanUp(database: BenchDatabase): Promise<void> {
  if (process.env.BENCH_KEEP_DB) {
    console.log(`kept ${database.name} (BENCH_KEEP_DB); drop it by hand`);
    return;
  }
  const redis = new Redis(REDIS_URL);
  await deleteKeys(redis, `${database.redisPrefix}:*`);
  await redis.quit();
  if (database.shop) {
    console.log(`kept ${database.name} for the next run (BENCH_REUSE_DB); drop it by hand when done`);
    return;
  }
  await dropBenchDatabase(database);
  console.log(`dropped ${database.name}`);
}

/** Runs a bench's main and exits: 0 (or the exit code it set) when it resolves, 1 when it throws. */
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => process.exit(),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
