/**
 * The till's side of the POS bench, as a process of its own (so the server under test shares no event loop
 * with its callers): CONCURRENCY callers over keep-alive connections POST redemptions of distinct codes for
 * SECONDS, then print one JSON line: redemptions, refusals by code, seconds, latency percentiles and this
 * process's CPU. Started by bench/pos.ts with its job as JSON in argv[2].
 */
import { Agent, request } from 'node:http';
import { benchCode } from './pos-codes';

export interface LoadJob {
  url: string;
  /** Caller i uses key i % length (one per till: the POS limit counts per key). */
  apiKeys: string[];
  /** Codes `benchCode(prefix, from + i)`, i < count, each redeemed once. */
  prefix: string;
  from: number;
  count: number;
  concurrency: number;
  seconds: number;
}

export interface LoadResult {
  done: number;
  refused: Record<string, number>;
  seconds: number;
  p50: number;
  p99: number;
  /** Codes asked for: done + refused. */
  sent: number;
  ranOut: boolean;
  clientCpuMs: number;
}

async function main(job: LoadJob): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency });
  const target = new URL('/internal/v1/discounts/redeem', job.url);
  const latencies: number[] = [];
  const refused: Record<string, number> = {};
  let next = 0;
  let done = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const deadline = started + job.seconds * 1000;
  const caller = async (apiKey: string) => {
    while (performance.now() < deadline && next < job.count) {
      const code = benchCode(job.prefix, job.from + next++);
      const body = JSON.stringify({
        code,
        purchaseAmount: 100000,
        terminalId: 'bench',
        idempotencyKey: `bench-${code}`,
      });
      const t0 = performance.now();
      const answer = await post(agent, target, apiKey, body);
      latencies.push(performance.now() - t0);
      if (answer.status === 200 && answer.body.includes('"redeemed":true')) done++;
      else {
        const key = /"code":"([A-Z_]+)"/.exec(answer.body)?.[1] ?? `HTTP_${answer.status}`;
        refused[key] = (refused[key] ?? 0) + 1;
      }
    }
  };
  await Promise.all(
    Array.from({ length: job.concurrency }, (_, i) => caller(job.apiKeys[i % job.apiKeys.length])),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return {
    done,
    refused,
    seconds,
    p50: pct(0.5),
    p99: pct(0.99),
    sent: next,
    ranOut: next >= job.count,
    clientCpuMs: (used.user + used.system) / 1000,
  };
}

function post(
  agent: Agent,
  url: URL,
  apiKey: string,
  body: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-api-key': apiKey,
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

main(JSON.parse(process.argv[2]) as LoadJob).then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
