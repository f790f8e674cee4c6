import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { shopBots } from '../test/support/telegram-emulator/sandbox/sandbox-bots';
import { TelegramEmulator } from '../test/support/telegram-emulator/telegram-emulator';
import { adminPanelReady } from './admin-panel';
import { startApp, stopApp, waitUntilReady } from './app-process';
import { databaseUrl, prepareDemoDatabase, startOver } from './demo-database';
import { DEMO_STAFF, demoPeople } from './demo-people';
import { DEMO_USAGE, demoOptions } from './options';

const ROOT = join(__dirname, '..');
const say = (line: string): void => void process.stdout.write(`${line}\n`);

/**
 * `npm run demo`: a demo shop to click through. Creates (or reuses) its own database, migrates and fills it,
 * starts the Telegram Bot API emulator with the bots' sandbox and the app with every role, and prints what
 * to open. Ctrl-C stops everything it started.
 */
async function main(): Promise<void> {
  const started = Date.now();
  if (existsSync(join(ROOT, '.env'))) process.loadEnvFile(join(ROOT, '.env'));
  let options;
  try {
    options = demoOptions(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(`${(error as Error).message}\n${DEMO_USAGE}`);
    process.exit(2);
  }
  // The demo's own bots, whatever .env says: they only ever talk to the emulator started below.
  const tokens = {
    CLIENT_BOT_TOKEN: '111111:local-client-bot-token',
    STAFF_BOT_TOKEN: '222222:local-staff-bot-token',
  };
  if (options.fresh) {
    await startOver(options);
    say(`Demo: dropped ${options.database} and its Redis keys, starting over.`);
  }
  const panel = await adminPanelReady(say);
  const password = `demo-${randomBytes(6).toString('base64url')}`;
  const shop = await prepareDemoDatabase(options, password, (line) =>
    say(`Demo database ${options.database}: ${line}`),
  );

  const emulator = await TelegramEmulator.start({ port: options.emulatorPort });
  emulator.sandbox.configure({ bots: shopBots(tokens), people: demoPeople(shop), channel: shop.channel });
  // The demo clients who are subscribed in the database are in the channel, as Telegram would say.
  for (const client of shop.clients.filter((c) => Number(c.isSubscribed) === 1))
    emulator.setChatMember(shop.channel, Number(client.telegramId), 'member');
  const appUrl = `http://localhost:${options.port}`;
  const posKey = `demo-pos-key-${randomBytes(8).toString('hex')}`;
  const app = startApp({
    ...tokens,
    DATABASE_URL: databaseUrl(options),
    REDIS_URL: options.redisUrl,
    REDIS_PREFIX: options.database,
    JWT_SECRET: randomBytes(32).toString('base64url'),
    TELEGRAM_API_ROOT: emulator.apiRoot,
    TELEGRAM_WEBHOOK_SECRET: randomBytes(16).toString('hex'),
    PUBLIC_URL: `http://127.0.0.1:${options.port}`,
    INTERNAL_API_KEYS: posKey,
    APP_ROLES: 'api,bots,worker,scheduler',
    PORT: String(options.port),
    LOG_LEVEL: process.env.DEMO_LOG_LEVEL ?? 'warn',
  });

  let stopping: Promise<void> | undefined;
  const stop = (code: number): Promise<void> =>
    (stopping ??= (async () => {
      say('\nDemo: stopping the app and the emulator…');
      await stopApp(app);
      await emulator.stop();
      say('Demo: stopped.');
      process.exit(code);
    })());
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  app.once('exit', (code) => {
    if (!stopping) {
      console.error(`Demo: the app stopped unexpectedly (exit ${code}); its log is above.`);
      void stop(1);
    }
  });

  try {
    await waitUntilReady(app, `http://127.0.0.1:${options.port}/health/ready`, 120_000);
  } catch (error) {
    console.error(`Demo: ${(error as Error).message}`);
    return stop(1);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  say('');
  say(`Dvorik demo is running (ready in ${seconds} s).`);
  say(
    panel
      ? `  Admin panel:   ${appUrl}/admin`
      : `  Admin API:     ${appUrl}/docs   (Swagger: «Authorize» after POST /api/v1/auth/login)`,
  );
  say(`  Login:         ${DEMO_STAFF.owner.username}`);
  say(`  Password:      ${password}   (new at every start)`);
  say(
    `  Bots sandbox:  ${emulator.apiRoot.replace('127.0.0.1', 'localhost')}/sandbox/   (be a client, a cashier or the owner; a tab per person)`,
  );
  say(`  POS API key:   ${posKey}   (X-API-Key on /internal/v1)`);
  say(
    `  Database:      ${options.database}; \`npm run demo -- --fresh\` starts over. Walkthrough: docs/FIRST_HOUR.md`,
  );
  say('Ctrl-C stops everything.');
}

main().catch((error: unknown) => {
  console.error(`Demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
