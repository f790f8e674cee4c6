/*
 * Broadcast bench (`npm run bench:broadcast`, which builds the app first): the built application
 * (`node dist/src/main.js`, APP_ROLES=worker, as `npm run start` runs it) in WORKERS processes sends
 * broadcasts of RECIPIENTS clients through the Telegram Bot API emulator, itself a separate process
 * (`test/support/telegram-emulator/main.ts`). The load comes from the real queue: the bench writes the
 * settings and a scheduled broadcast row and enqueues the start job as the minute tick would; everything
 * else is the pipeline. A throwaway database (its name says "bench"), a MariaDB user of its own, a Redis
 * logical database and prefix of its own, so the round trips are counted per message on the servers
 * (bench/support/round-trips.ts) while other programs use them too.
 *
 * (a) everyone at 1000/s (broadcast.paid), emulator unlimited: achieved/configured, SQL + Redis per message.
 * (b) the same while a CPU-heavy neighbour runs: a separate process spinning one core (`for (;;) {}`).
 * (c) the ceiling with the limit off (rate 1 000 000/s: the limiter still runs, never waits) against the floor:
 *     a minimal sender process (bench/support/broadcast-floor.ts: node http, kept-alive connections) hitting
 *     the emulator alone with as many requests in flight as the workers together, measured right before and
 *     right after; ceiling/floor uses their mean.
 * (d) SAMPLE clients at 25/s with the emulator enforcing Telegram's 30/s: 429s, achieved rate.
 * (e) everyone at 1000/s; worker 0 is killed with SIGKILL a quarter of the way in and started again:
 *     messages delivered twice in the emulator's record (must be 0) and `unknown` rows (at most one
 *     worker's sends in flight: 4 chunk jobs x BATCHES_IN_FLIGHT x MAX_BATCH).
 * Worker and emulator logs are in the temp directory (kept when something failed).
 *
 * Environment: BENCH_DATABASE_SERVER (default TEST_DATABASE_SERVER or mysql://root@127.0.0.1:3306),
 * BENCH_REDIS_URL (redis://127.0.0.1:6379/0: the server; the bench uses its database BENCH_REDIS_DB, 14),
 * BENCH_RECIPIENTS (50000), BENCH_SAMPLE (250), BENCH_WORKERS (2), BENCH_TIMEOUT_SECONDS per scenario (900),
 * BENCH_WORKER_PROFILE (a directory: the workers write V8 CPU profiles there, --cpu-prof).
 */
import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { createPool, Pool, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { JobIds, JobName, QueueName } from '../src/infrastructure/queues/jobs';
import { redisOptionsFromUrl } from '../src/infrastructure/redis/redis-url';
import { MAX_BATCH } from '../src/modules/broadcasts/commands/send-broadcast-chunk.command';
import { BATCHES_IN_FLIGHT } from '../src/modules/broadcasts/sending/chunk-run';
import { freePort } from '../test/support/free-port';
import { deleteKeys } from '../test/support/global-teardown';
import {
  BenchDatabase,
  benchDatabase,
  benchEnv,
  createBenchDatabase,
  dropBenchDatabase,
} from './support/harness';
import { minus, RoundTripCounter, RoundTrips } from './support/round-trips';

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 50_000);
const SAMPLE = Number(process.env.BENCH_SAMPLE ?? 250);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_SECONDS ?? 900) * 1000;
const REDIS_SERVER = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const REDIS_DB = Number(process.env.BENCH_REDIS_DB ?? 14);
const REDIS_URL = REDIS_SERVER.replace(/\/\d*$/, '') + `/${REDIS_DB}`;
const CLIENT_TOKEN = '111111:client-bot-token-for-bench';
/** Chunk jobs a worker runs at once (BroadcastsWorker) times the batches of each in flight, of the largest size. */
const IN_FLIGHT_PER_WORKER = 4 * BATCHES_IN_FLIGHT * MAX_BATCH;
/** "Limit off": the limiter still takes its Redis call per batch but never makes a batch wait. */
const UNLIMITED = 1_000_000;
const ROOT = join(__dirname, '..');
const MAIN = join(ROOT, 'dist/src/main.js');
const TS_NODE = require.resolve('ts-node/register/transpile-only');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const fmt = (n: number, digits = 1) => n.toFixed(digits);
const load = () =>
  loadavg()
    .map((n) => fmt(n, 2))
    .join(' ');

interface Bench {
  database: BenchDatabase;
  /** The MariaDB user the workers connect as. */
  user: string;
  name: string;
  pool: Pool;
  redis: Redis;
  queue: Queue;
  emulator: Emulator;
  counter: RoundTripCounter | null;
  workers: ChildProcess[];
  others: ChildProcess[];
  /** Log files; removed after a run without errors. */
  logs: string[];
}

interface Emulator {
  process: ChildProcess;
  apiRoot: string;
}

/** The part of the emulator's call record the bench reads. */
interface Call {
  chatId: number;
  at: string;
  params: { text?: string };
  response: { status: number };
}

interface Outcome {
  broadcastId: number;
  status: string;
  target: number;
  rows: Record<string, number>;
  /** The emulator's successful calls of this broadcast, oldest first. */
  delivered: Call[];
  calls: Call[];
  seconds: number;
  /** Round trips of the workers from the start job to the end. */
  trips: RoundTrips;
}

async function main(): Promise<void> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` first`);
  const database = benchDatabase(process.env.TEST_DATABASE_SERVER);
  const { name, url } = database;
  const redis = new Redis(REDIS_URL);
  const pool = createPool({ uri: url, connectionLimit: 4, timezone: 'Z' });
  const queue = new Queue(QueueName.Broadcasts, {
    connection: { ...redisOptionsFromUrl(REDIS_URL), maxRetriesPerRequest: null },
    prefix: `${name}:bull`,
  });
  const bench: Bench = {
    database,
    user: name.replace('dvorik_bench_', 'bench_'),
    name,
    pool,
    redis,
    queue,
    emulator: { process: null as unknown as ChildProcess, apiRoot: '' },
    counter: null,
    workers: [],
    others: [],
    logs: [],
  };
  const stop = () => void cleanup(bench).finally(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    bench.emulator = await startEmulator(bench);
    await createBenchDatabase(database);
    await createBenchUser(bench);
    const seeded = Date.now();
    const sampleSegment = await seed(pool);
    const others = await redis.client('LIST');
    const strangers = String(others)
      .split('\n')
      .filter((line) => line.includes(` db=${REDIS_DB} `)).length;
    bench.counter = await RoundTripCounter.start(database.server, bench.user, REDIS_SERVER, REDIS_DB);
    console.log(
      `Dvorik broadcast bench: database ${name}, ${RECIPIENTS} recipients seeded in ` +
        `${fmt((Date.now() - seeded) / 1000)} s, ${WORKERS} worker processes (${MAIN}), emulator process at ` +
        `${bench.emulator.apiRoot}, Redis db ${REDIS_DB} (${strangers} connection(s) there before the bench, ` +
        `the bench's own included), load average ${load()}\n`,
    );
    for (let i = 0; i < WORKERS; i++) bench.workers.push(await startWorker(bench, i));

    await paid(bench, '(a) quiet');
    const neighbour = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
    bench.others.push(neighbour);
    try {
      await sleep(1000);
      await paid(bench, '(b) CPU neighbour (one process spinning a core)');
    } finally {
      await stopProcess(neighbour);
    }
    await ceiling(bench);
    await telegramLimit(bench, sampleSegment);
    await crash(bench);
  } catch (error) {
    process.exitCode = 1;
    throw error;
  } finally {
    await cleanup(bench);
  }
}

/** (a), (b): everyone at 1000/s, paid, emulator unlimited. */
async function paid(bench: Bench, label: string): Promise<void> {
  await emulatorControl(bench, 'rate-limit', { perSecond: null });
  await settings(bench, {
    'broadcast.rate_per_second': 1000,
    'broadcast.paid': true,
    'broadcast.chunk_size': 1000,
  });
  const outcome = await broadcast(bench, label, null);
  const rate = rateOf(outcome.delivered);
  console.log(
    `${label}: ${outcome.delivered.length} of ${outcome.target} delivered (${outcome.status}) in ` +
      `${fmt(outcome.seconds)} s from start job to finish; sending at ${fmt(rate, 0)}/s against 1000/s ` +
      `configured => achieved/configured = ${fmt(rate / 1000, 3)}; ${perMessage(outcome)}; ` +
      `load average ${load()}; rows ${JSON.stringify(outcome.rows)}\n`,
  );
}

/** (c) the limit off against the emulator alone, the floor measured before and after. */
async function ceiling(bench: Bench): Promise<void> {
  await settings(bench, { 'broadcast.rate_per_second': UNLIMITED, 'broadcast.paid': true });
  const inFlight = WORKERS * IN_FLIGHT_PER_WORKER;
  const before = await floor(bench, inFlight);
  const outcome = await broadcast(bench, '(c) limit off', null);
  const after = await floor(bench, inFlight);
  const rate = rateOf(outcome.delivered);
  const floorRate = (before + after) / 2;
  console.log(
    `(c) limit off: ${outcome.delivered.length} of ${outcome.target} delivered (${outcome.status}) in ` +
      `${fmt(outcome.seconds)} s; ceiling ${fmt(rate, 0)}/s; floor (a minimal sender process, ${inFlight} ` +
      `requests in flight, kept-alive connections, no database) ${fmt(before, 0)}/s before and ` +
      `${fmt(after, 0)}/s after => ceiling/floor = ${fmt(rate / floorRate, 3)}; ${perMessage(outcome)}; ` +
      `load average ${load()}\n`,
  );
}

/** (d) a sample at 25/s while the emulator enforces 30/s, as Telegram does. */
async function telegramLimit(bench: Bench, segmentId: number): Promise<void> {
  await emulatorControl(bench, 'rate-limit', { perSecond: 30 });
  await settings(bench, { 'broadcast.rate_per_second': 25, 'broadcast.paid': false });
  const outcome = await broadcast(bench, '(d) 25/s', segmentId);
  const limited = outcome.calls.filter((c) => c.response.status === 429).length;
  const rate = rateOf(outcome.delivered);
  console.log(
    `(d) ${outcome.delivered.length} of ${outcome.target} delivered (${outcome.status}) in ${fmt(outcome.seconds)} s; ` +
      `429 answers: ${limited}; achieved ${fmt(rate, 2)}/s against 25/s configured and 30/s enforced ` +
      `(ratio ${fmt(rate / 25, 3)}); rows ${JSON.stringify(outcome.rows)}\n`,
  );
  await emulatorControl(bench, 'rate-limit', { perSecond: null });
}

/** (e) everyone at 1000/s; worker 0 is killed with SIGKILL a quarter of the way in and started again. */
async function crash(bench: Bench): Promise<void> {
  await settings(bench, { 'broadcast.rate_per_second': 1000, 'broadcast.paid': true });
  let killedAt = 0;
  const outcome = await broadcast(bench, '(e) kill -9', null, async (sent, target) => {
    if (killedAt || sent < target / 4) return;
    killedAt = Date.now();
    const victim = bench.workers[0];
    victim.kill('SIGKILL');
    console.log(`    SIGKILL worker 0 (pid ${victim.pid}) at ${sent} sent rows; starting it again`);
    bench.workers[0] = await startWorker(bench, 0);
  });
  const perChat = new Map<number, number>();
  for (const call of outcome.delivered) perChat.set(call.chatId, (perChat.get(call.chatId) ?? 0) + 1);
  const duplicates = [...perChat.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  const unknown = outcome.rows.unknown ?? 0;
  const unknownDelivered = await unknownButDelivered(bench, outcome);
  console.log(
    `(e) ${outcome.delivered.length} of ${outcome.target} delivered (${outcome.status}) in ${fmt(outcome.seconds)} s; ` +
      `duplicates in the emulator's record: ${duplicates} (must be 0); unknown rows: ${unknown} ` +
      `(at most ${IN_FLIGHT_PER_WORKER}, one worker's sends in flight) of which ${unknownDelivered} had in fact ` +
      `reached Telegram; rows ${JSON.stringify(outcome.rows)}`,
  );
  if (duplicates > 0 || unknown > IN_FLIGHT_PER_WORKER) process.exitCode = 1;
}

function perMessage({ trips, delivered }: Outcome): string {
  const n = Math.max(1, delivered.length);
  return (
    `round trips per message: SQL ${fmt(trips.sql / n, 4)} + Redis ${fmt(trips.redis / n, 4)} = ` +
    `${fmt((trips.sql + trips.redis) / n, 4)} (${trips.sql} statements, ${trips.redis} commands)`
  );
}

/** Inserts a scheduled broadcast due now, enqueues its start job and waits until it ends. */
async function broadcast(
  bench: Bench,
  text: string,
  segmentId: number | null,
  onProgress?: (sent: number, target: number) => Promise<void>,
): Promise<Outcome> {
  const { pool, queue } = bench;
  await emulatorControl(bench, 'reset', {});
  const scheduledAt = new Date(Date.now() - 1000);
  const [insert] = await pool.query<ResultSetHeader>(
    'INSERT INTO broadcasts (title, content_type, text, segment_id, status, scheduled_at) VALUES (?, ?, ?, ?, ?, ?)',
    [`Бенч ${text}`, 'text', text, segmentId, 'scheduled', scheduledAt],
  );
  const broadcastId = insert.insertId;
  const tripsBefore = await (bench.counter as RoundTripCounter).read();
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
  let lastReport = 0;
  for (;;) {
    await sleep(250);
    const [rows] = await pool.query<RowDataPacket[]>(
      'SELECT status, target_count, sent_count FROM broadcasts WHERE id = ?',
      [broadcastId],
    );
    const { status, target_count: target } = rows[0] as { status: string; target_count: number };
    if (onProgress && target > 0) {
      const [sent] = await pool.query<RowDataPacket[]>(
        "SELECT COUNT(*) AS n FROM broadcast_deliveries WHERE broadcast_id = ? AND status = 'sent'",
        [broadcastId],
      );
      await onProgress(Number(sent[0].n), target);
    }
    if (Date.now() - lastReport > 10_000) {
      lastReport = Date.now();
      console.log(`    ${text}: ${status}, target ${target}, ${fmt((Date.now() - started) / 1000, 0)} s`);
    }
    if (status === 'sent' || status === 'failed' || status === 'cancelled') {
      const seconds = (Date.now() - started) / 1000;
      const trips = minus(await (bench.counter as RoundTripCounter).read(), tripsBefore);
      const calls = (await emulatorCalls(bench)).filter((c) => c.params.text === text);
      return {
        broadcastId,
        status,
        target,
        rows: await rowCounts(pool, broadcastId),
        delivered: calls.filter((c) => c.response.status === 200),
        calls,
        seconds,
        trips,
      };
    }
    if (Date.now() - started > TIMEOUT_MS)
      throw new Error(`${text}: not finished after ${TIMEOUT_MS / 1000} s`);
  }
}

/** Sends per second between the first and the last delivery. */
function rateOf(delivered: Call[]): number {
  if (delivered.length < 2) return 0;
  const times = delivered.map((c) => Date.parse(c.at));
  const first = Math.min(...times);
  const last = Math.max(...times);
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

/** The workers' own MariaDB user (its statements are counted apart from everyone else's). */
async function createBenchUser(bench: Bench): Promise<void> {
  await bench.pool.query(`CREATE USER '${bench.user}'@'%' IDENTIFIED BY '${bench.user}'`);
  await bench.pool.query(`GRANT ALL PRIVILEGES ON \`${bench.name}\`.* TO '${bench.user}'@'%'`);
}

function workerDatabaseUrl(bench: Bench): string {
  const server = new URL(bench.database.server);
  server.username = bench.user;
  server.password = bench.user;
  return `${server.toString().replace(/\/+$/, '')}/${bench.name}`;
}

/**
 * The floor: bench/support/broadcast-floor.ts in a process of its own against the emulator, `inFlight`
 * requests at a time; answers its best sendMessage/s.
 */
async function floor(bench: Bench, inFlight: number): Promise<number> {
  await emulatorControl(bench, 'reset', {});
  const child = spawn(
    process.execPath,
    [
      '-r',
      TS_NODE,
      join(__dirname, 'support/broadcast-floor.ts'),
      bench.emulator.apiRoot,
      CLIENT_TOKEN,
      String(inFlight),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the floor sender exited with ${code}`);
  await emulatorControl(bench, 'reset', {});
  return (JSON.parse(out.trim()) as { perSecond: number }).perSecond;
}

/** The emulator as its own process (`npm run emulator`'s entry), on a free port. */
async function startEmulator(bench: Bench): Promise<Emulator> {
  const port = await freePort();
  const log = join(tmpdir(), `${bench.name}-emulator.log`);
  bench.logs.push(log);
  const child = spawn(
    process.execPath,
    ['-r', TS_NODE, join(ROOT, 'test/support/telegram-emulator/main.ts')],
    {
      cwd: tmpdir(), // no .env there
      env: {
        PATH: process.env.PATH,
        TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
        EMULATOR_PORT: String(port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const out = createWriteStream(log, { flags: 'a' });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  bench.others.push(child);
  const apiRoot = `http://127.0.0.1:${port}`;
  await waitUntil(child, 'the emulator', log, `${apiRoot}/_emulator/stats`);
  return { process: child, apiRoot };
}

async function emulatorControl(bench: Bench, route: string, body: unknown): Promise<void> {
  const response = await fetch(`${bench.emulator.apiRoot}/_emulator/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator ${route}: ${response.status} ${await response.text()}`);
}

async function emulatorCalls(bench: Bench): Promise<Call[]> {
  const response = await fetch(`${bench.emulator.apiRoot}/_emulator/calls?method=sendMessage`);
  const calls = (await response.json()) as Call[];
  return calls.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** A worker process of the built app (`node dist/src/main.js`, APP_ROLES=worker), once healthy. */
async function startWorker(bench: Bench, index: number): Promise<ChildProcess> {
  const port = await freePort();
  const log = join(tmpdir(), `${bench.name}-worker-${index}.log`);
  if (!bench.logs.includes(log)) bench.logs.push(log);
  const profile = process.env.BENCH_WORKER_PROFILE;
  const args = profile ? ['--cpu-prof', '--cpu-prof-dir', profile, MAIN] : [MAIN];
  const child = spawn(process.execPath, args, {
    cwd: tmpdir(), // no .env there: the environment below is all the worker sees
    env: {
      PATH: process.env.PATH,
      ...benchEnv(bench.database, {
        DATABASE_URL: workerDatabaseUrl(bench),
        REDIS_URL,
        CLIENT_BOT_TOKEN: CLIENT_TOKEN,
        TELEGRAM_API_ROOT: bench.emulator.apiRoot,
        APP_ROLES: 'worker',
        PORT: String(port),
        LOG_LEVEL: 'warn',
      }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = createWriteStream(log, { flags: 'a' });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  await waitUntil(child, `worker ${index}`, log, `http://127.0.0.1:${port}/health`);
  return child;
}

async function waitUntil(child: ChildProcess, what: string, log: string, url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}; see ${log}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${what} did not start; see ${log}`);
    await sleep(250);
  }
}

let cleaned = false;

/** Stops the workers (SIGTERM: they finish their sends in flight) and the emulator; drops the database, user and keys. */
async function cleanup(bench: Bench): Promise<void> {
  if (cleaned) return;
  cleaned = true;
  await Promise.all(bench.workers.map((worker) => stopProcess(worker)));
  await Promise.all(bench.others.map((other) => stopProcess(other)));
  await bench.counter?.stop();
  await bench.queue.close().catch(() => undefined);
  await bench.pool.query(`DROP USER IF EXISTS '${bench.user}'@'%'`).catch(() => undefined);
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
