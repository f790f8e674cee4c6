/*
 * Redemption bench (`npm run bench:redeem`): the real application on a random port against a throwaway
 * database (its name says "bench"; created and dropped here) and a Redis prefix of its own.
 *
 * (a) RUSH concurrent POS redemptions of ONE code, each with its own idempotency key: exactly one may win;
 *     prints the successes and the error codes of the rest.
 * (b) distinct codes redeemed through the POS API by CONCURRENCY callers (a worker thread) for SECONDS:
 *     redemptions/s, p50 and p99 latency; then, in the same run, the bare conditional UPDATE of a
 *     redemption on the same table by the same number of callers (over a pool as large as the app's, and
 *     over one connection per caller), and the ratio of the two; and, for scale, the HTTP floor of the same
 *     app (GET /internal/v1/ping: no database) for 5 s.
 *
 * Environment: BENCH_DATABASE_SERVER (default TEST_DATABASE_SERVER or mysql://root@127.0.0.1:3306),
 * BENCH_REDIS_URL (default redis://127.0.0.1:6379/0), BENCH_SECONDS (10), BENCH_CONCURRENCY (50).
 */
import 'reflect-metadata';
import { cpus, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { INestApplication } from '@nestjs/common';
import Redis from 'ioredis';
import { createPool, Pool } from 'mysql2/promise';
import { CODE_ALPHABET } from '../src/modules/codes/domain/discount-code';
import { deleteKeys } from '../test/support/global-teardown';
import * as harness from './support/harness';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const RUSH = 200;
/** The app's pool: TypeORM leaves mysql2's default connectionLimit of 10. */
const APP_POOL = 10;
const API_KEY = harness.BENCH_POS_KEY;
const SEED_CHUNK = 5000;

interface Phase {
  label: string;
  done: number;
  seconds: number;
  latenciesMs: number[];
  failures: Map<string, number>;
}

async function main(): Promise<void> {
  const database = harness.benchDatabase(process.env.TEST_DATABASE_SERVER);
  const { name, url } = database;
  let app: INestApplication | null = null;
  const redis = new Redis(harness.REDIS_URL);
  try {
    await harness.createBenchDatabase(database);
    const started = await harness.startBenchApp(database);
    app = started.app;
    const { base } = started;
    const pool = createPool({ uri: url, connectionLimit: CONCURRENCY, timezone: 'Z' });
    try {
      const userId = await seedUser(pool);
      console.log(`Dvorik redemption bench: database ${name}, app at ${base}, ${SECONDS} s phases\n`);
      await rush(base, pool, userId);
      await throughput(base, url, pool, userId);
    } finally {
      await pool.end();
    }
  } finally {
    if (app) await app.close();
    await harness.dropBenchDatabase(database);
    await deleteKeys(redis, `${name}:*`);
    redis.disconnect();
  }
}

/** (a) RUSH redemptions of one code at once, each with its own idempotency key. */
async function rush(base: string, pool: Pool, userId: number): Promise<void> {
  const [code] = await seedCodes(pool, userId, 'A', 1);
  const answers = await Promise.all(
    Array.from({ length: RUSH }, (_, i) => redeem(base, code, `rush-${i}`).then((r) => r.outcome)),
  );
  const counts = tally(answers);
  const successes = counts.get('OK') ?? 0;
  counts.delete('OK');
  const [[row]] = (await pool.query('SELECT status, redemption_count FROM discounts WHERE code = ?', [
    code,
  ])) as [Array<{ status: string; redemption_count: number }>, unknown];
  console.log(`(a) ${RUSH} concurrent POS redemptions of one code`);
  console.log(
    `    successes: ${successes} ${successes === 1 ? '(exactly one: correct)' : '(WRONG: must be 1)'}`,
  );
  console.log(`    refusals:  ${[...counts].map(([k, v]) => `${k} x${v}`).join(', ') || 'none'}`);
  console.log(`    row:       status ${row.status}, redemption_count ${row.redemption_count}\n`);
  if (successes !== 1 || row.redemption_count !== 1) process.exitCode = 1;
}

/** (b) distinct codes through the API, then the bare UPDATE, same callers, same duration. */
async function throughput(base: string, url: string, pool: Pool, userId: number): Promise<void> {
  const warm = await seedCodes(pool, userId, 'W', 500);
  await runPhase('warm-up', warm, CONCURRENCY, 2, (code) => redeem(base, code, `warm-${code}`));

  const apiCodes = await seedCodes(pool, userId, 'P', 60_000);
  const loop = performance.eventLoopUtilization();
  const api = await httpPhase(base, apiCodes);
  const busy = performance.eventLoopUtilization(loop);

  const appSized = createPool({ uri: url, connectionLimit: APP_POOL, timezone: 'Z' });
  const bare = async (target: Pool, codes: string[], label: string) => {
    const now = new Date();
    return runPhase(label, codes, CONCURRENCY, SECONDS, async (code) => {
      const [result] = (await target.query(
        `UPDATE discounts SET status = 'used', used_at = ?, redemption_count = redemption_count + 1
          WHERE code = ? AND status = 'active' AND suspended_at IS NULL
            AND valid_from <= ? AND (expires_at IS NULL OR expires_at > ?)`,
        [now, code, now, now],
      )) as [{ affectedRows: number }, unknown];
      return { outcome: result.affectedRows === 1 ? 'OK' : 'NO_ROW' };
    });
  };
  // Enough codes for 8 000 UPDATEs a second; a phase that runs out stops early and says so.
  const sameSeconds = Math.ceil(SECONDS * 8_000);
  const bareApp = await bare(
    appSized,
    await seedCodes(pool, userId, 'U', sameSeconds),
    `bare UPDATE, pool ${APP_POOL}`,
  );
  await appSized.end();
  const bareWide = await bare(
    pool,
    await seedCodes(pool, userId, 'V', sameSeconds),
    `bare UPDATE, pool ${CONCURRENCY}`,
  );

  const floor = await httpPhase(base, [], true);

  console.log(`(b) distinct codes, ${CONCURRENCY} concurrent callers, ${SECONDS} s each`);
  for (const phase of [api, bareApp, bareWide]) print(phase);
  print(floor);
  const rate = (p: Phase) => p.done / p.seconds;
  console.log(
    `\n    POS API / bare UPDATE: ${(rate(api) / rate(bareApp)).toFixed(3)} (same pool size, ${APP_POOL}), ` +
      `${(rate(api) / rate(bareWide)).toFixed(3)} (bare UPDATE on ${CONCURRENCY} connections)`,
  );
  console.log(
    `    The app's event loop was busy ${(busy.utilization * 100).toFixed(0)} % of the POS phase: ` +
      `${(busy.active / Math.max(api.done, 1)).toFixed(2)} ms of main-thread time per redemption.`,
  );
  console.log(
    `    HTTP floor: GET /internal/v1/ping (API-key guard, logging, metrics, no database) for 5 s, for scale.`,
  );
  console.log(
    '    A POS redemption is 6 round trips (the code card; a transaction: begin, UPDATE, usage-log INSERT,\n' +
      '    commit; the audit INSERT after it) plus HTTP, JSON, validation and logging; the bare UPDATE is one\n' +
      '    statement. The callers run in a worker thread, the app on the main thread; load average: ' +
      `${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs.`,
  );
}

/*
 * The till's side of phase (b), in a worker thread: the app's event loop serves only the app, as it would
 * behind a real till. Plain JavaScript (eval), so the worker needs no TypeScript loader.
 */
const HTTP_CALLERS = `
const { parentPort, workerData } = require('node:worker_threads');
const { base, codes, concurrency, seconds, apiKey, ping } = workerData;
const latenciesMs = [];
const failures = {};
let next = 0, done = 0;
const started = performance.now();
const deadline = started + seconds * 1000;
async function caller() {
  while (performance.now() < deadline && (ping || next < codes.length)) {
    const code = codes[next++];
    const t0 = performance.now();
    const response = ping
      ? await fetch(base + '/internal/v1/ping', { headers: { 'x-api-key': apiKey } })
      : await fetch(base + '/internal/v1/discounts/redeem', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
          body: JSON.stringify({ code, purchaseAmount: 100000, terminalId: 'bench', idempotencyKey: 'bench-' + code }),
        });
    const body = await response.json();
    latenciesMs.push(performance.now() - t0);
    if (response.status === 200 && (ping || body.redeemed)) done++;
    else { const k = (body.error && body.error.code) || 'HTTP_' + response.status; failures[k] = (failures[k] || 0) + 1; }
  }
}
Promise.all(Array.from({ length: concurrency }, caller)).then(() =>
  parentPort.postMessage({ done, seconds: (performance.now() - started) / 1000, latenciesMs, failures, left: codes.length - next }),
);
`;

async function httpPhase(base: string, codes: string[], ping = false): Promise<Phase> {
  const worker = new Worker(HTTP_CALLERS, {
    eval: true,
    workerData: { base, codes, concurrency: CONCURRENCY, seconds: ping ? 5 : SECONDS, apiKey: API_KEY, ping },
  });
  const result = await new Promise<{
    done: number;
    seconds: number;
    latenciesMs: number[];
    failures: Record<string, number>;
    left: number;
  }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  if (!ping && result.left === 0) console.warn('    (ran out of codes)');
  const label = ping ? 'HTTP floor (POS ping)' : 'POS API';
  return { label, ...result, failures: new Map(Object.entries(result.failures)) };
}

async function runPhase(
  label: string,
  codes: string[],
  concurrency: number,
  seconds: number,
  work: (code: string) => Promise<{ outcome: string }>,
): Promise<Phase> {
  const latenciesMs: number[] = [];
  const failures = new Map<string, number>();
  let next = 0;
  let done = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const caller = async () => {
    while (performance.now() < deadline && next < codes.length) {
      const code = codes[next++];
      const t0 = performance.now();
      const { outcome } = await work(code);
      latenciesMs.push(performance.now() - t0);
      if (outcome === 'OK') done++;
      else failures.set(outcome, (failures.get(outcome) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  const elapsed = (performance.now() - started) / 1000;
  if (next >= codes.length) console.warn(`    (${label}: ran out of codes after ${elapsed.toFixed(1)} s)`);
  return { label, done, seconds: elapsed, latenciesMs, failures };
}

function print(phase: Phase): void {
  const sorted = [...phase.latenciesMs].sort((a, b) => a - b);
  const pct = (p: number) =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : 0;
  const failures = [...phase.failures].map(([k, v]) => `${k} x${v}`).join(', ');
  console.log(
    `    ${phase.label.padEnd(22)} ${String(phase.done).padStart(7)} ${phase.label.startsWith('HTTP') ? 'requests   ' : 'redemptions'} in ${phase.seconds.toFixed(1)} s = ` +
      `${(phase.done / phase.seconds).toFixed(0).padStart(6)}/s   p50 ${pct(0.5).toFixed(2)} ms   ` +
      `p99 ${pct(0.99).toFixed(2)} ms${failures ? `   failures: ${failures}` : ''}`,
  );
}

async function redeem(base: string, code: string, idempotencyKey: string): Promise<{ outcome: string }> {
  const response = await fetch(`${base}/internal/v1/discounts/redeem`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
    body: JSON.stringify({ code, purchaseAmount: 100_000, terminalId: 'bench', idempotencyKey }),
  });
  const body = (await response.json()) as { redeemed?: boolean; error?: { code: string } };
  return {
    outcome:
      response.status === 200 && body.redeemed ? 'OK' : (body.error?.code ?? `HTTP_${response.status}`),
  };
}

async function seedUser(pool: Pool): Promise<number> {
  const [result] = (await pool.query(
    "INSERT INTO users (telegram_id, first_name, source, tags) VALUES (1, 'Bench', 'direct', '[]')",
  )) as [{ insertId: number }, unknown];
  return result.insertId;
}

/** `count` active codes of the seeded manual template (id 3), prefixed so every phase has its own. */
async function seedCodes(pool: Pool, userId: number, prefix: string, count: number): Promise<string[]> {
  const codes = Array.from({ length: count }, (_, i) => prefix + encode(i, 7));
  for (let start = 0; start < codes.length; start += SEED_CHUNK) {
    const chunk = codes.slice(start, start + SEED_CHUNK);
    await pool.query(
      `INSERT INTO discounts (code, template_id, user_id, kind, value, status, reason, valid_from, expires_at)
       VALUES ${chunk.map(() => "(?, 3, ?, 'percent', 5, 'active', 'manual', NOW(3) - INTERVAL 1 MINUTE, NOW(3) + INTERVAL 1 DAY)").join(', ')}`,
      chunk.flatMap((code) => [code, userId]),
    );
  }
  return codes;
}

function encode(n: number, width: number): string {
  let out = '';
  for (let i = 0; i < width; i++) {
    out = CODE_ALPHABET[n % CODE_ALPHABET.length] + out;
    n = Math.floor(n / CODE_ALPHABET.length);
  }
  return out;
}

function tally(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

harness.runBench(main);
