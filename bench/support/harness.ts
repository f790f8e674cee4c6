/**
 * What the benches share: a throwaway `dvorik_bench_<run>` database (named, created and migrated, dropped),
 * the application started against it on a random port, a readonly admin's token, the timing helpers, the
 * result table and the clean-up of the run's database and Redis keys.
 *
 * Environment: BENCH_DATABASE_SERVER (default mysql://root@127.0.0.1:3306, or what a bench passes as its
 * fallback), BENCH_REDIS_URL (default redis://127.0.0.1:6379/0), BENCH_KEEP_DB (cleanUp keeps the database).
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
  /** `dvorik_bench_<run>`: also the run's Redis prefix. */
  name: string;
  /** The server URL with the database. */
  url: string;
}

/** A fresh database name on BENCH_DATABASE_SERVER (else `fallback`); nothing is created yet. */
export function benchDatabase(fallback = 'mysql://root@127.0.0.1:3306'): BenchDatabase {
  const server = (process.env.BENCH_DATABASE_SERVER ?? fallback).replace(/\/+$/, '');
  const name = `dvorik_bench_${Date.now().toString(36)}${process.pid}`;
  return { server, name, url: `${server}/${name}` };
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
  const migrator = await new DataSource(typeOrmOptions(database.url)).initialize();
  await migrator.runMigrations({ transaction: 'each' });
  await migrator.destroy();
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
 * port, bench secrets, Telegram pointed at a closed port; `overrides` win.
 */
export function benchEnv(
  database: BenchDatabase,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: database.url,
    REDIS_URL,
    REDIS_PREFIX: database.name,
    JWT_SECRET: 'bench-jwt-secret-that-is-long-enough-0123456789',
    CLIENT_BOT_TOKEN: '111111:bench-client-bot-token',
    STAFF_BOT_TOKEN: '222222:bench-staff-bot-token',
    TELEGRAM_WEBHOOK_SECRET: 'bench-webhook-secret-0123456789',
    INTERNAL_API_KEYS: BENCH_POS_KEY,
    TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
    APP_ROLES: 'api',
    PORT: '0',
    LOG_LEVEL: 'silent',
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

/** Inserts a readonly admin `bench` and signs an access token for it. */
export async function benchAdminToken(app: INestApplication): Promise<string> {
  const inserted = (await app
    .get(DataSource)
    .query(
      "INSERT INTO admins (username, password_hash, role, is_active) VALUES ('bench', '!', 'readonly', 1)",
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
 * the run's Redis keys (cleanUp) whatever happens.
 */
export async function benchWithApp(
  database: BenchDatabase,
  seed: (db: Connection) => Promise<void>,
  measure: (bench: RunningBench) => Promise<void>,
): Promise<void> {
  let app: INestApplication | undefined;
  try {
    await createBenchDatabase(database);
    const db = await createConnection({ uri: database.url, timezone: 'Z', charset: 'utf8mb4_unicode_ci' });
    try {
      await db.query("SET time_zone = '+00:00'");
      await seed(db);
    } finally {
      await db.end();
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
  await dropBenchDatabase(database);
  const redis = new Redis(REDIS_URL);
  await deleteKeys(redis, `${database.name}:*`);
  await redis.quit();
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
