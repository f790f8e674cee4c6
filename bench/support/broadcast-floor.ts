/*
 * The floor of the broadcast bench: a minimal sender in a process of its own, sendMessage straight at the
 * Bot API emulator over kept-alive connections with IN_FLIGHT requests at a time, no database, no limiter,
 * no framework. Prints one JSON line: {"sent", "seconds", "perSecond"} (the best of WINDOWS windows of
 * SECONDS each: the machine is shared, the floor is what the emulator can take at its best).
 *
 * Usage: node -r ts-node/register/transpile-only bench/support/broadcast-floor.ts <apiRoot> <token> <inFlight> [seconds] [windows]
 */
import { Agent, request } from 'node:http';

const [apiRoot, token, inFlightArg, secondsArg = '3', windowsArg = '2'] = process.argv.slice(2);
const IN_FLIGHT = Number(inFlightArg);
const SECONDS = Number(secondsArg);
const WINDOWS = Number(windowsArg);
const agent = new Agent({ keepAlive: true, timeout: 60_000 }); // timeout: honour the server's Keep-Alive hint
const url = new URL(`/bot${token}/sendMessage`, apiRoot);

function send(chatId: number): Promise<void> {
  const body = JSON.stringify({ chat_id: chatId, text: 'floor', parse_mode: 'HTML' });
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const answer = JSON.parse(Buffer.concat(chunks).toString()) as { ok: boolean };
          if (answer.ok) resolve();
          else reject(new Error(`sendMessage answered ${res.statusCode}`));
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function window(offset: number): Promise<{ sent: number; seconds: number }> {
  const until = Date.now() + SECONDS * 1000;
  const started = Date.now();
  let sent = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async (_, lane) => {
      for (let i = 0; Date.now() < until; i++) {
        await send(700_000_000 + offset + lane * 100_000 + i);
        sent++;
      }
    }),
  );
  return { sent, seconds: (Date.now() - started) / 1000 };
}

async function main(): Promise<void> {
  let best = { sent: 0, seconds: 1, perSecond: 0 };
  for (let w = 0; w < WINDOWS; w++) {
    const { sent, seconds } = await window(w * 50_000_000);
    if (sent / seconds > best.perSecond) best = { sent, seconds, perSecond: sent / seconds };
  }
  console.log(JSON.stringify(best));
  agent.destroy();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
