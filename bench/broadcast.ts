/*
 * Broadcast bench (`npm run bench:broadcast`): worker processes of the real application (src/main.ts,
 * APP_ROLES=worker) send broadcasts to RECIPIENTS clients through the Telegram Bot API emulator (in this
 * process), against a throwaway database (its name says "bench"; created and dropped here) and a Redis
 * prefix of its own. The bench writes the settings and the broadcast rows itself and enqueues the start job
 * as the minute tick would; everything else is the pipeline.
 *
 * (a) every client at 1000/s (broadcast.paid) with the emulator unlimited: achieved rate, achieved/configured.
 * (b) SAMPLE clients at 25/s with the emulator enforcing Telegram's 30/s: 429s received, achieved rate.
 * (c) every client at 1000/s; one worker is killed with SIGKILL mid-run and started again: messages
 *     delivered twice in the emulator's record (must be 0) and `unknown` rows (at most one worker's
 *     sends in flight: 4 chunk jobs x MAX_LANES).
 * Baseline, measured first in the same run: the emulator's own capacity for sendMessage from one client
 * process with as many requests in flight as the workers together (no database, no limiter). Worker
 * logs are in the temp directory (kept when something failed).
 *
 * Environment: BENCH_DATABASE_SERVER (default TEST_DATABASE_SERVER or mysql://root@127.0.0.1:3306),
 * BENCH_REDIS_URL (redis://127.0.0.1:6379/0), BENCH_RECIPIENTS (100000), BENCH_SAMPLE (750),
 * BENCH_WORKERS (2), BENCH_TIMEOUT_SECONDS per scenario (900).
 */
import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { createPool, Pool, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { Telegram } from 'telegraf';
import { JobIds, JobName, QueueName } from '../src/infrastructure/queues/jobs';
import { redisOptionsFromUrl } from '../src/infrastructure/redis/redis-url';
import { MAX_LANES } from '../src/modules/broadcasts/commands/send-broadcast-chunk.command';
import { TelegramEmulator } from '../test/support/telegram-emulator/telegram-emulator';
import { freePort } from '../test/support/free-port';
import type { RecordedCall } from '../test/support/telegram-emulator/types';
import { deleteKeys } from '../test/support/global-teardown';
import {
  BenchDatabase,
  benchDatabase,
  benchEnv,
  createBenchDatabase,
  dropBenchDatabase,
  REDIS_URL,
} from './support/harness';

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 100_000);
const SAMPLE = Number(process.env.BENCH_SAMPLE ?? 750);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_SECONDS ?? 900) * 1000;
const CLIENT_TOKEN = '111111:client-bot-token-for-bench';
/** Chunk jobs a worker runs at once (BroadcastsWorker) times parallel sends per chunk job. */
const IN_FLIGHT_PER_WORKER = 4 * MAX_LANES;
const ROOT = join(__dirname, '..');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const fmt = (n: number, digits = 1) => n.toFixed(digits);

interface Bench {
  database: BenchDatabase;
  name: string;
  pool: Pool;
  redis: Redis;
  queue: Queue;
  emulator: TelegramEmulator;
  workers: Worker[];
  /** Worker log files; removed after a run without errors. */
  logs: string[];
}

interface Worker {
  index: number;
  process: ChildProcess;
  port: number;
}

interface Outcome {
  broadcastId: number;
  status: string;
  target: number;
  rows: Record<string, number>;
  /** The emulator's successful calls of this broadcast, oldest first. */
  delivered: RecordedCall[];
  /** Every call of this broadcast, failed ones included. */
  calls: RecordedCall[];
  seconds: number;
}

async function main(): Promise<void> {
  const database = benchDatabase(process.env.TEST_DATABASE_SERVER);
  const { name, url } = database;
  const redis = new Redis(REDIS_URL);
  const emulator = await TelegramEmulator.start();
  const pool = createPool({ uri: url, connectionLimit: 4, timezone: 'Z' });
  const queue = new Queue(QueueName.Broadcasts, {
    connection: { ...redisOptionsFromUrl(REDIS_URL), maxRetriesPerRequest: null },
    prefix: `${name}:bull`,
  });
  const bench: Bench = { database, name, pool, redis, queue, emulator, workers: [], logs: [] };
  const stop = () => void cleanup(bench).finally(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await createBenchDatabase(database);
    const seeded = Date.now();
    const sampleSegment = await seed(pool);
    console.log(
      `Dvorik broadcast bench: database ${name}, ${RECIPIENTS} recipients seeded in ` +
        `${fmt((Date.now() - seeded) / 1000)} s, ${WORKERS} worker processes, emulator at ${emulator.apiRoot}\n`,
    );
    const baseline = await emulatorCapacity(emulator, WORKERS * IN_FLIGHT_PER_WORKER);
    console.log(
      `baseline  emulator alone: ${fmt(baseline, 0)} sendMessage/s with ${WORKERS * IN_FLIGHT_PER_WORKER} ` +
        'requests in flight from one process (no database, no limiter)\n',
    );
    for (let i = 0; i < WORKERS; i++) bench.workers.push(await startWorker(bench, i));

    await fullSpeed(bench, baseline);
    await telegramLimit(bench, sampleSegment);
    await crash(bench);
  } catch (error) {
    process.exitCode = 1;
    throw error;
  } finally {
    await cleanup(bench);
  }
}

/** (a) everyone at 1000/s, paid, emulator unlimited. */
async function fullSpeed(bench: Bench, baseline: number): Promise<void> {
  bench.emulator.setRateLimit(null);
  await settings(bench, {
    'broadcast.rate_per_second': 1000,
    'broadcast.paid': true,
    'broadcast.chunk_size': 1000,
  });
  const outcome = await broadcast(bench, 'A: 1000/s', null);
  const rate = rateOf(outcome.delivered);
  console.log(
    `(a) ${outcome.delivered.length} of ${outcome.target} delivered (${outcome.status}) in ` +
      `${fmt(outcome.seconds)} s from start job to finish; sending at ${fmt(rate, 0)}/s against 1000/s ` +
      `configured => achieved/configured = ${fmt(rate / 1000, 2)} (emulator alone: ${fmt(baseline, 0)}/s, ` +
      `achieved/emulator = ${fmt(rate / baseline, 2)}); rows ${JSON.stringify(outcome.rows)}\n`,
  );
}

/** (b) a sample at 25/s while the emulator enforces 30/s, as Telegram does. */
async function telegramLimit(bench: Bench, segmentId: number): Promise<void> {
  bench.emulator.setRateLimit(30);
  await settings(bench, { 'broadcast.rate_per_second': 25, 'broadcast.paid': false });
  const outcome = await broadcast(bench, 'B: 25/s', segmentId);
  const limited = outcome.calls.filter((c) => c.response.status === 429).length;
  const rate = rateOf(outcome.delivered);
  console.log(
    `(b) ${outcome.delivered.length} of ${outcome.target} delivered (${outcome.status}) in ${fmt(outcome.seconds)} s; ` +
      `429 answers: ${limited}; achieved ${fmt(rate, 2)}/s against 25/s configured and 30/s enforced ` +
      `(ratio ${fmt(rate / 25, 2)}); rows ${JSON.stringify(outcome.rows)}\n`,
  );
  bench.emulator.setRateLimit(null);
}

/** (c) everyone at 1000/s; worker 0 is killed with SIGKILL a quarter of the way in and started again. */
async function crash(bench: Bench): Promise<void> {
  await settings(bench, { 'broadcast.rate_per_second': 1000, 'broadcast.paid': true });
  let killedAt = 0;
  const outcome = await broadcast(bench, 'C: crash', null, async (delivered, target) => {
    if (killedAt || delivered < target / 4) return;
    killedAt = Date.now();
    const victim = bench.workers[0];
    victim.process.kill('SIGKILL');
    console.log(
      `    SIGKILL worker 0 (pid ${victim.process.pid}) at ${delivered} delivered; starting it again`,
    );
    bench.workers[0] = await startWorker(bench, 0);
  });
  const perChat = new Map<number, number>();
  for (const call of outcome.delivered)
    perChat.set(call.chatId as number, (perChat.get(call.chatId as number) ?? 0) + 1);
  const duplicates = [...perChat.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  const unknown = outcome.rows.unknown ?? 0;
  const unknownDelivered = await unknownButDelivered(bench, outcome);
  console.log(
    `(c) ${outcome.delivered.length} of ${outcome.target} delivered (${outcome.status}) in ${fmt(outcome.seconds)} s; ` +
      `duplicates in the emulator's record: ${duplicates} (must be 0); unknown rows: ${unknown} ` +
      `(at most ${IN_FLIGHT_PER_WORKER}, one worker's sends in flight) of which ${unknownDelivered} had in fact ` +
      `reached Telegram; rows ${JSON.stringify(outcome.rows)}`,
  );
  if (duplicates > 0 || unknown > IN_FLIGHT_PER_WORKER) process.exitCode = 1;
}

/** Inserts a scheduled broadcast due now, enqueues its start job and waits until it ends. */
async function broadcast(
  bench: Bench,
  text: string,
  segmentId: number | null,
  onProgress?: (delivered: number, target: number) => Promise<void>,
): Promise<Outcome> {
  const { pool, queue, emulator } = bench;
  const scheduledAt = new Date(Date.now() - 1000);
  const [insert] = await pool.query<ResultSetHeader>(
    'INSERT INTO broadcasts (title, content_type, text, segment_id, status, scheduled_at) VALUES (?, ?, ?, ?, ?, ?)',
    [`Бенч ${text}`, 'text', text, segmentId, 'scheduled', scheduledAt],
  );
  const broadcastId = insert.insertId;
  const started = Date.now();
  await queue.add(
    JobName.StartBroadcast,
    { broadcastId },
    {
      jobId: JobIds.startBroadcast(broadcastId, scheduledAt),
      attempts: 5,
      backoff: { type: 'exponential', delay: 2000 },
    },
  );
  const mine = (c: RecordedCall) => c.method === 'sendMessage' && c.params.text === text;
  let lastReport = 0;
  for (;;) {
    await sleep(500);
    const [rows] = await pool.query<RowDataPacket[]>(
      'SELECT status, target_count FROM broadcasts WHERE id = ?',
      [broadcastId],
    );
    const { status, target_count: target } = rows[0] as { status: string; target_count: number };
    const delivered = emulator.calls.reduce((n, c) => n + (mine(c) && c.response.status === 200 ? 1 : 0), 0);
    if (Date.now() - lastReport > 10_000) {
      lastReport = Date.now();
      console.log(
        `    ${text}: ${status}, ${delivered} of ${target} delivered after ${fmt((Date.now() - started) / 1000, 0)} s`,
      );
    }
    if (onProgress && target > 0) await onProgress(delivered, target);
    if (status === 'sent' || status === 'failed' || status === 'cancelled') {
      const calls = emulator.calls.filter(mine);
      return {
        broadcastId,
        status,
        target,
        rows: await rowCounts(pool, broadcastId),
        delivered: calls.filter((c) => c.response.status === 200),
        calls,
        seconds: (Date.now() - started) / 1000,
      };
    }
    if (Date.now() - started > TIMEOUT_MS)
      throw new Error(`${text}: not finished after ${TIMEOUT_MS / 1000} s`);
  }
}

/** Sends per second between the first and the last delivery. */
function rateOf(delivered: RecordedCall[]): number {
  if (delivered.length < 2) return 0;
  const first = delivered[0].at.getTime();
  const last = delivered[delivered.length - 1].at.getTime();
  return ((delivered.length - 1) * 1000) / Math.max(1, last - first);
}

async function rowCounts(pool: Pool, broadcastId: number): Promise<Record<string, number>> {
  const [rows] = await pool.query<RowDataPacket[]>(
    'SELECT status, COUNT(*) AS n FROM broadcast_deliveries WHERE broadcast_id = ? GROUP BY status',
    [broadcastId],
  );
  return Object.fromEntries(rows.map((row) => [row.status as string, Number(row.n)]));
}

/** How many `unknown` rows were in fact delivered (the emulator has a message for them). */
async function unknownButDelivered(bench: Bench, outcome: Outcome): Promise<number> {
  const [rows] = await bench.pool.query<RowDataPacket[]>(
    "SELECT u.telegram_id FROM broadcast_deliveries d JOIN users u ON u.id = d.user_id WHERE d.broadcast_id = ? AND d.status = 'unknown'",
    [outcome.broadcastId],
  );
  const delivered = new Set(outcome.delivered.map((c) => c.chatId));
  return rows.filter((row) => delivered.has(Number(row.telegram_id))).length;
}

/** RECIPIENTS active clients (the first SAMPLE tagged `sample`) and a segment of the sample. */
async function seed(pool: Pool): Promise<number> {
  const batch = 5000;
  for (let start = 0; start < RECIPIENTS; start += batch) {
    const rows = Array.from({ length: Math.min(batch, RECIPIENTS - start) }, (_, k) => {
      const i = start + k;
      return [
        900_000_000 + i,
        `Клиент ${i}`,
        'direct',
        'active',
        JSON.stringify(i < SAMPLE ? ['sample'] : []),
        `b${i}`,
      ];
    });
    await pool.query(
      'INSERT INTO users (telegram_id, first_name, source, status, tags, referral_code) VALUES ?',
      [rows],
    );
  }
  const [segment] = await pool.query<ResultSetHeader>(
    'INSERT INTO segments (name, description, filter, is_system) VALUES (?, ?, ?, 0)',
    ['Бенч: выборка', null, JSON.stringify({ all: [{ field: 'tags', op: 'any', value: ['sample'] }] })],
  );
  return segment.insertId;
}

/** Writes settings as the settings module stores them and drops the shared cache. */
async function settings(bench: Bench, values: Record<string, unknown>): Promise<void> {
  for (const [key, value] of Object.entries(values)) {
    await bench.pool.query(
      'INSERT INTO settings (`key`, value) VALUES (?, ?) ON DUPLICATE KEY UPDATE value = VALUES(value)',
      [key, JSON.stringify(value)],
    );
  }
  await bench.redis.del(`${bench.name}:cache:settings`);
}

/**
 * sendMessage straight at the emulator with `inFlight` requests at a time: the best of three 3-second
 * windows (the machine may be busy with other work for a moment).
 */
async function emulatorCapacity(emulator: TelegramEmulator, inFlight: number): Promise<number> {
  const telegram = new Telegram(CLIENT_TOKEN, { apiRoot: emulator.apiRoot });
  let best = 0;
  for (let window = 0; window < 3; window++) {
    const until = Date.now() + 3000;
    let sent = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: inFlight }, async (_, lane) => {
        for (let i = 0; Date.now() < until; i++) {
          await telegram.sendMessage(800_000_000 + lane * 100_000 + i, 'baseline');
          sent++;
        }
      }),
    );
    best = Math.max(best, (sent * 1000) / (Date.now() - started));
    emulator.reset();
  }
  return best;
}

/** A worker process (`node -r ts-node/register/transpile-only src/main.ts`, APP_ROLES=worker), once healthy. */
async function startWorker(bench: Bench, index: number): Promise<Worker> {
  const port = await freePort();
  const log = join(tmpdir(), `${bench.name}-worker-${index}.log`);
  if (!bench.logs.includes(log)) bench.logs.push(log);
  const child = spawn(
    process.execPath,
    ['-r', require.resolve('ts-node/register/transpile-only'), join(ROOT, 'src/main.ts')],
    {
      cwd: tmpdir(), // no .env there: the environment below is all the worker sees
      env: {
        PATH: process.env.PATH,
        TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
        ...benchEnv(bench.database, {
          CLIENT_BOT_TOKEN: CLIENT_TOKEN,
          TELEGRAM_API_ROOT: bench.emulator.apiRoot,
          APP_ROLES: 'worker',
          PORT: String(port),
          LOG_LEVEL: 'warn',
        }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const out = createWriteStream(log, { flags: 'a' });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`worker ${index} exited with ${child.exitCode}; see ${log}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`worker ${index} did not start; see ${log}`);
    await sleep(250);
  }
  return { index, process: child, port };
}

let cleaned = false;

/** Stops the workers (SIGTERM: they finish their sends in flight), the emulator; drops the database and keys. */
async function cleanup(bench: Bench): Promise<void> {
  if (cleaned) return;
  cleaned = true;
  await Promise.all(bench.workers.map((worker) => stopProcess(worker.process)));
  await bench.queue.close().catch(() => undefined);
  await bench.emulator.stop();
  await bench.pool.end().catch(() => undefined);
  await dropBenchDatabase(bench.database);
  if (!process.exitCode) for (const file of bench.logs) await rm(file, { force: true });
  await deleteKeys(bench.redis, `${bench.name}:*`);
  bench.redis.disconnect();
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
