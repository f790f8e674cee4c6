import { existsSync } from 'node:fs';
import { shopBots } from './sandbox/sandbox-bots';
import { TelegramEmulator } from './telegram-emulator';

/**
 * `npm run emulator`: the emulator as a standalone server, driven by the app, by /_emulator/* requests and
 * by the sandbox page at /sandbox/. Reads `.env` like the app (EMULATOR_PORT, the bot tokens, the channel).
 */
async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const port = numberFromEnv('EMULATOR_PORT', 8081);
  const rateLimit = numberFromEnv('EMULATOR_RATE_LIMIT', 0);
  const emulator = await TelegramEmulator.start({
    port,
    rateLimitPerSecond: rateLimit > 0 ? rateLimit : null,
  });
  emulator.sandbox.configure({
    bots: shopBots(process.env),
    channel: process.env.EMULATOR_CHANNEL ?? '@marmeladny_dvorik',
  });
  console.log(
    `TELEGRAM_API_ROOT=${emulator.apiRoot}  # Telegram Bot API emulator; control API under /_emulator/*`,
  );
  console.log(`Sandbox (chat with the bots in a browser): ${emulator.apiRoot}/sandbox/`);
  const shutdown = (): void => {
    emulator.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
