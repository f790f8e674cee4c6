/*
 * POS redemption bench (`npm run bench:pos`): the built application as production runs it, against two floors,
 * in one run.
 *
 * - The app: `npm run build`'s dist/src/main.js in its own process (api role, LOG_LEVEL=info, JSON logs to
 *   /dev/null, NODE_ENV=production) on a throwaway `dvorik_bench_<run>` database, migrated and seeded with
 *   active personal codes of one client, and a Redis prefix of its own.
 * - Floor "app SQL" (bench/support/pos-floor.ts app-sql): a plain node:http server sending the SQL and Redis
 *   commands the app sends for a redemption (the bench counts both on the wire and prints them side by side).
 * - Floor "minimal SQL" (pos-floor.ts minimal-sql): the least the rules need: the POS key's rate limit (one
 *   Redis script), the code lookup, then one multi-statement transaction (conditional UPDATE; the usage row,
 *   the outbox event with its deliveries and the audit row, each guarded by ROW_COUNT(); COMMIT): two SQL
 *   round trips, writing the same rows as the app.
 * - The load: bench/support/pos-load.ts, a separate process, CONCURRENCY callers over keep-alive connections,
 *   each redeeming distinct codes for SECONDS. ROUNDS rounds, each measuring the three servers one after the
 *   other, the order reversed every other round; each phase starts once the audit rows of the phases before
 *   are all written.
 *
 * Printed: redemptions/s, app/floor for both floors (per round and the median with its range), p50/p99,
 * CPU per redemption of each server process (/proc/<pid>/stat, from the phase's start until its last audit
 * row is written) and of the load client, the audit rows still unwritten when a phase ends, and SQL round trips and Redis commands per redemption counted on the
 * wire in a separate counting phase (bench/support/wire-counter.ts: a proxy in front of MariaDB and Redis
 * for that phase only, so the servers' global counters, shared with everyone on the machine, are not used).
 * Also the 200-way race on one code (exactly one success) and the machine's load average.
 *
 * Environment: BENCH_DATABASE_SERVER (default TEST_DATABASE_SERVER or mysql://root@127.0.0.1:3306),
 * BENCH_REDIS_URL, BENCH_SECONDS (5), BENCH_CONCURRENCY (32), BENCH_ROUNDS (4), BENCH_SKIP_BUILD=1 (use the
 * existing dist/), BENCH_CPU_PROF=<dir> (the app runs with --cpu-prof into that directory).
 */
import 'reflect-metadata';
import { execSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { createPool, Pool } from 'mysql2/promise';
import * as harness from './support/harness';
import { benchCode, seedClient, seedCodes } from './support/pos-codes';
import type { LoadResult } from './support/pos-load';
import { cpuMs, runLoad, Server, startApp, startFloor, stop } from './support/pos-processes';
import { WireCounter } from './support/wire-counter';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const RUSH = 200;
const COUNTED = 400;
/** Codes seeded for the timed phases: enough for 4 000 redemptions a second in every phase. */
const TIMED_CODES = Math.ceil(SECONDS * 4_000) * 4 * ROUNDS;
/** One API key per caller, as tills have: the POS limit (at most 10 000 a minute) counts per key. */
const API_KEYS = Array.from({ length: CONCURRENCY }, (_, i) => `${harness.BENCH_POS_KEY}-${i}`);
/** Another build of the app (its dist/src/main.js) measured beside this one, e.g. main's, to see a change. */
const BASELINE = process.env.BENCH_BASELINE_APP;
type Kind = 'app' | 'baseline' | 'app-sql' | 'minimal-sql';
const KINDS: Kind[] = BASELINE
  ? ['app', 'baseline', 'app-sql', 'minimal-sql']
  : ['app', 'app-sql', 'minimal-sql'];
const TITLE: Record<Kind, string> = {
  app: 'app',
  baseline: 'app (baseline)',
  'app-sql': 'floor: app SQL',
  'minimal-sql': 'floor: min SQL',
};

interface Phase {
  kind: Kind;
  load: LoadResult;
  serverCpuMs: number;
  auditLag: number;
}

interface Counted {
  sql: Map<string, number>;
  redis: Map<string, number>;
  done: number;
  /** The first text sent under each label, printed with BENCH_WIRE_TEXT=1. */
  examples: Map<string, string>;
}

async function main(): Promise<void> {
  if (!process.env.BENCH_SKIP_BUILD) {
    console.log('building the app (nest build) ...');
    execSync('npx nest build', { cwd: join(__dirname, '..'), stdio: 'inherit' });
  }
  const database = harness.benchDatabase(process.env.TEST_DATABASE_SERVER);
  const env = harness.benchEnv(database, {
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
    INTERNAL_API_KEYS: API_KEYS.join(','),
  });
  await harness.createBenchDatabase(database);
  const pool = createPool({ uri: database.url, connectionLimit: 4, timezone: 'Z' });
  const servers: Server[] = [];
  try {
    await pool.query(
      "INSERT INTO settings (`key`, value) VALUES ('pos.checks_per_minute', '10000') ON DUPLICATE KEY UPDATE value = '10000'",
    );
    const userId = await seedClient(pool);
    await seedCodes(pool, userId, 'P', TIMED_CODES);
    await seedCodes(pool, userId, 'W', KINDS.length * 600);
    await seedCodes(pool, userId, 'C', KINDS.length * (COUNTED + 100));
    console.log(
      `Dvorik POS bench: database ${database.name}, ${CONCURRENCY} callers, ${ROUNDS} rounds of ${SECONDS} s ` +
        `phases; load average ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')} on ${cpus().length} CPUs\n`,
    );
    const audit = new AuditWatch(pool);

    const counted = new Map<Kind, Counted>();
    let countedCodes = 0;
    for (const kind of KINDS) {
      counted.set(kind, await countRoundTrips(kind, env, countedCodes, audit));
      countedCodes += COUNTED + 100;
    }

    const app = await startApp(env, cpuProfArgs());
    servers.push(app);
    await rush(app, pool, userId, audit);
    if (BASELINE) servers.push({ ...(await startApp(env, [], BASELINE)), name: 'baseline' });
    servers.push(await startFloor('app-sql', env), await startFloor('minimal-sql', env));
    const byKind = (kind: Kind) => servers[KINDS.indexOf(kind)];
    let warmed = 0;
    for (const kind of KINDS) {
      const load = await runLoad(job(byKind(kind), 'W', warmed, 600, 2));
      warmed += 600;
      audit.expect(load.done);
    }

    const phases: Phase[] = [];
    let next = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? [...KINDS] : [...KINDS].reverse();
      for (const kind of order) {
        await audit.drained();
        const server = byKind(kind);
        const pid = server.child.pid as number;
        const cpuBefore = cpuMs(pid);
        const load = await runLoad(job(server, 'P', next, TIMED_CODES - next, SECONDS));
        next += load.sent;
        audit.expect(load.done);
        const auditLag = await audit.lag();
        // The server's CPU until its last audit row is written: work deferred past the answer counts too.
        await audit.drained();
        phases.push({ kind, load, serverCpuMs: cpuMs(pid) - cpuBefore, auditLag });
        if (load.ranOut) console.warn(`    (${kind} ran out of codes)`);
      }
      printRound(round + 1, phases.slice(-KINDS.length));
    }
    await audit.drained();
    printSummary(phases, counted);
  } finally {
    for (const server of servers) await stop(server);
    await pool.end();
    await harness.cleanUp(database);
  }
}

const job = (server: Server, prefix: string, from: number, count: number, seconds: number) => ({
  url: server.url,
  apiKeys: API_KEYS,
  prefix,
  from,
  count,
  concurrency: CONCURRENCY,
  seconds,
});

function cpuProfArgs(): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

/**
 * Starts `kind` with its MariaDB and Redis behind wire counters, warms it (100 redemptions: the pools are
 * open), then counts what COUNTED redemptions send, and what the audit rows written after the answers add.
 */
async function countRoundTrips(
  kind: Kind,
  env: Record<string, string>,
  from: number,
  audit: AuditWatch,
): Promise<Counted> {
  const sql = await WireCounter.start(env.DATABASE_URL, 'mysql');
  const redis = await WireCounter.start(env.REDIS_URL, 'redis');
  const counted = {
    ...env,
    DATABASE_URL: sql.rewrite(env.DATABASE_URL),
    REDIS_URL: redis.rewrite(env.REDIS_URL),
  };
  const server =
    kind === 'app' || kind === 'baseline'
      ? await startApp(counted, [], kind === 'baseline' ? BASELINE : undefined)
      : await startFloor(kind, counted);
  try {
    const warm = await runLoad({ ...job(server, 'C', from, 100, 60), concurrency: 8 });
    audit.expect(warm.done);
    await audit.drained();
    sql.reset();
    redis.reset();
    const load = await runLoad({ ...job(server, 'C', from + 100, COUNTED, 60), concurrency: 8 });
    audit.expect(load.done);
    await audit.drained();
    const examples = new Map([...sql.examples, ...redis.examples]);
    return { sql: new Map(sql.counts), redis: new Map(redis.counts), done: load.done, examples };
  } finally {
    await stop(server);
    await sql.stop();
    await redis.stop();
  }
}

/** RUSH concurrent redemptions of one code through the app, each with its own idempotency key. */
async function rush(app: Server, pool: Pool, userId: number, audit: AuditWatch): Promise<void> {
  await seedCodes(pool, userId, 'R', 1);
  const code = benchCode('R', 0);
  const answers = await Promise.all(
    Array.from({ length: RUSH }, async (_, i) => {
      const response = await fetch(`${app.url}/internal/v1/discounts/redeem`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': API_KEYS[i % API_KEYS.length] },
        body: JSON.stringify({
          code,
          purchaseAmount: 100_000,
          terminalId: 'bench',
          idempotencyKey: `rush-${i}`,
        }),
      });
      const body = (await response.json()) as { redeemed?: boolean; error?: { code: string } };
      return response.status === 200 && body.redeemed
        ? 'OK'
        : (body.error?.code ?? `HTTP_${response.status}`);
    }),
  );
  const successes = answers.filter((a) => a === 'OK').length;
  audit.expect(successes);
  const refusals = new Map<string, number>();
  for (const a of answers) if (a !== 'OK') refusals.set(a, (refusals.get(a) ?? 0) + 1);
  console.log(
    `${RUSH} concurrent redemptions of one code: ${successes} success ` +
      `${successes === 1 ? '(exactly one: correct)' : '(WRONG: must be 1)'}; refusals ` +
      `${[...refusals].map(([k, v]) => `${k} x${v}`).join(', ')}\n`,
  );
  if (successes !== 1) process.exitCode = 1;
}

/** The audit rows of redemptions (`discount.redeemed`) against the redemptions answered so far. */
class AuditWatch {
  private answered = 0;

  constructor(private readonly pool: Pool) {}

  expect(redemptions: number): void {
    this.answered += redemptions;
  }

  /** Redemptions answered whose audit row is not written yet. */
  async lag(): Promise<number> {
    const [[row]] = (await this.pool.query(
      "SELECT COUNT(*) AS n FROM audit_logs WHERE action = 'discount.redeemed'",
    )) as [Array<{ n: number }>, unknown];
    return this.answered - Number(row.n);
  }

  /** Waits (up to 2 minutes) until every answered redemption has its audit row. */
  async drained(): Promise<void> {
    const deadline = Date.now() + 120_000;
    while ((await this.lag()) > 0) {
      if (Date.now() > deadline) throw new Error(`audit rows missing after 2 minutes: ${await this.lag()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

const rate = (p: Phase) => p.load.done / p.load.seconds;
const cpuPer = (p: Phase) => p.serverCpuMs / Math.max(1, p.load.done);

function printRound(round: number, phases: Phase[]): void {
  const of = (kind: Kind) => phases.find((p) => p.kind === kind) as Phase;
  const app = of('app');
  const cells = phases.map(
    (p) =>
      `${TITLE[p.kind]} ${rate(p).toFixed(0)}/s p50 ${p.load.p50.toFixed(1)} p99 ${p.load.p99.toFixed(1)} ms ` +
      `cpu ${cpuPer(p).toFixed(2)} ms lag ${p.auditLag}${refusals(p)}`,
  );
  console.log(
    `round ${round} (${phases.map((p) => p.kind).join(' → ')}): app/app-SQL ${(rate(app) / rate(of('app-sql'))).toFixed(2)}, ` +
      `app/min-SQL ${(rate(app) / rate(of('minimal-sql'))).toFixed(2)}` +
      `${BASELINE ? `, app/baseline ${(rate(app) / rate(of('baseline'))).toFixed(2)}` : ''}; load ${loadavg()[0].toFixed(2)}\n    ${cells.join('\n    ')}`,
  );
}

function refusals(p: Phase): string {
  const entries = Object.entries(p.load.refused);
  return entries.length ? ` REFUSED ${entries.map(([k, v]) => `${k} x${v}`).join(', ')}` : '';
}

function printSummary(phases: Phase[], counted: Map<Kind, Counted>): void {
  const stat = (values: number[], digits: number) =>
    `${harness.median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;
  const n = KINDS.length;
  const rounds = Array.from({ length: phases.length / n }, (_, i) => phases.slice(i * n, i * n + n));
  const ratio = (floor: Kind) =>
    rounds.map(
      (r) => rate(r.find((p) => p.kind === 'app') as Phase) / rate(r.find((p) => p.kind === floor) as Phase),
    );
  console.log(
    `\nSummary: median (min–max) over ${rounds.length} rounds; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(`  app / floor with the app's SQL:  ${stat(ratio('app-sql'), 2)}`);
  console.log(`  app / floor with minimal SQL:    ${stat(ratio('minimal-sql'), 2)}`);
  if (BASELINE) console.log(`  app / baseline build:            ${stat(ratio('baseline'), 2)}`);
  // CPU per redemption moves less with the neighbours' load than the rate does.
  const cpuRatio = (other: Kind) =>
    rounds.map(
      (r) =>
        cpuPer(r.find((p) => p.kind === 'app') as Phase) / cpuPer(r.find((p) => p.kind === other) as Phase),
    );
  console.log(
    `  app CPU per redemption / floor's: app SQL ${stat(cpuRatio('app-sql'), 2)}, minimal SQL ${stat(cpuRatio('minimal-sql'), 2)}` +
      `${BASELINE ? `, baseline build ${stat(cpuRatio('baseline'), 2)}` : ''}`,
  );
  console.log(
    `  ${'server'.padEnd(16)} ${'redemptions/s'.padEnd(20)} ${'p50 ms'.padEnd(18)} ${'p99 ms'.padEnd(20)} ` +
      `${'server CPU ms/op'.padEnd(20)} ${'client CPU ms/op'.padEnd(18)} audit unwritten at phase end`,
  );
  for (const kind of KINDS) {
    const mine = phases.filter((p) => p.kind === kind);
    console.log(
      `  ${TITLE[kind].padEnd(16)} ${stat(mine.map(rate), 0).padEnd(20)} ${stat(
        mine.map((p) => p.load.p50),
        1,
      ).padEnd(18)} ` +
        `${stat(
          mine.map((p) => p.load.p99),
          1,
        ).padEnd(20)} ${stat(mine.map(cpuPer), 2).padEnd(20)} ` +
        `${stat(
          mine.map((p) => p.load.clientCpuMs / Math.max(1, p.load.done)),
          2,
        ).padEnd(18)} ` +
        `${mine.map((p) => p.auditLag).join(', ')}`,
    );
  }
  console.log(`\nRound trips per redemption, counted on the wire (${COUNTED} redemptions each, 8 callers):`);
  for (const kind of KINDS) {
    const c = counted.get(kind) as Counted;
    const per = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0) / Math.max(1, c.done);
    const detail = (m: Map<string, number>) =>
      [...m].map(([label, n]) => `${label} ${(n / Math.max(1, c.done)).toFixed(2)}`).join('; ');
    console.log(
      `  ${TITLE[kind].padEnd(16)} SQL ${per(c.sql).toFixed(2)}, Redis ${per(c.redis).toFixed(2)} (${c.done} redeemed)\n` +
        `      SQL:   ${detail(c.sql)}\n      Redis: ${detail(c.redis)}`,
    );
    if (process.env.BENCH_WIRE_TEXT)
      for (const [label, text] of c.examples) console.log(`      [${label}] ${text}`);
  }
  const app = counted.get('app') as Counted;
  const floor = counted.get('app-sql') as Counted;
  const differences = [
    ...differing(app.sql, app.done, floor.sql, floor.done),
    ...differing(app.redis, app.done, floor.redis, floor.done),
  ];
  if (differences.length > 0) {
    console.log(
      `  WARNING: the app-SQL floor no longer sends what the app sends (per redemption, app vs floor): ` +
        `${differences.join('; ')}. Update bench/support/pos-floor.ts (app-sql).`,
    );
  }
}

/** Labels whose count per redemption differs by more than 0.1 between two countings (timed reads jitter). */
function differing(a: Map<string, number>, aDone: number, b: Map<string, number>, bDone: number): string[] {
  const out: string[] = [];
  for (const label of new Set([...a.keys(), ...b.keys()])) {
    const x = (a.get(label) ?? 0) / Math.max(1, aDone);
    const y = (b.get(label) ?? 0) / Math.max(1, bDone);
    if (Math.abs(x - y) > 0.1) out.push(`${label} ${x.toFixed(2)} vs ${y.toFixed(2)}`);
  }
  return out;
}

harness.runBench(main);
