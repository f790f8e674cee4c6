import { User } from '../../src/modules/users/persistence/user.entity';
import { TcpProxy } from '../support/tcp-proxy';
import { TelegramEmulator } from '../support/telegram-emulator/telegram-emulator';
import type { FakeUser } from '../support/telegram-emulator/types';
import { createTestApp, eventually, TestApp } from '../support/test-app';

jest.setTimeout(90_000);

/** Long polling (no PUBLIC_URL): an update that met an outage is fetched again, never confirmed past. */
describe.each(['MariaDB', 'Redis'] as const)('long polling through a %s outage', (dependency) => {
  let emulator: TelegramEmulator;
  let database: TcpProxy;
  let redis: TcpProxy;
  let t: TestApp;
  let CLIENT: string;
  const proxy = () => (dependency === 'MariaDB' ? database : redis);

  beforeAll(async () => {
    emulator = await TelegramEmulator.start();
    database = await TcpProxy.start({ host: '127.0.0.1', port: 3306 });
    redis = await TcpProxy.start({ host: '127.0.0.1', port: 6379 });
    t = await createTestApp({
      env: {
        TELEGRAM_API_ROOT: emulator.apiRoot,
        APP_ROLES: 'bots',
        DATABASE_URL: database.rewrite(process.env.DATABASE_URL as string),
        REDIS_URL: redis.rewrite(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0'),
      },
    });
    CLIENT = t.config.clientBotToken;
  });
  afterAll(async () => {
    proxy().restore();
    await t.close();
    await emulator.stop();
    await database.stop();
    await redis.stop();
  });

  /** getUpdates calls since `since` that asked for updates from at most `offset` (so would receive it again). */
  const pollsUpTo = (offset: number, since: number) =>
    emulator
      .callsOf('getUpdates')
      .filter((c) => c.token === CLIENT && c.at.getTime() >= since && Number(c.params.offset ?? 0) <= offset);
  const pollsPast = (updateId: number) =>
    emulator.callsOf('getUpdates').filter((c) => c.token === CLIENT && Number(c.params.offset) > updateId);

  it('fetches the update again until it is handled, once, and only then moves the offset past it', async () => {
    const newcomer: FakeUser = { id: 9700 + (dependency === 'Redis' ? 1 : 0), first_name: 'Поля' };
    // The poller is running: it has asked for updates at least once.
    await eventually(() => emulator.callsOf('getUpdates').some((c) => c.token === CLIENT), 10_000);

    proxy().cut();
    const sent = Date.now();
    const { updateId } = await emulator.sendText(CLIENT, newcomer, '/start');
    // Fetched, failed, and asked for again from an offset that includes it (after the poller's pause).
    await eventually(() => pollsUpTo(updateId, sent).length >= 2, 15_000, 100);
    expect(pollsPast(updateId)).toEqual([]);
    proxy().restore();

    await eventually(
      () => emulator.messagesTo(newcomer.id, CLIENT).some((m) => /^Здравствуйте/.test(m.text ?? '')),
      30_000,
      100,
    );
    await eventually(() => pollsPast(updateId).length >= 1, 10_000);
    const welcomes = emulator
      .messagesTo(newcomer.id, CLIENT)
      .filter((m) => /^Здравствуйте/.test(m.text ?? ''));
    expect(welcomes).toHaveLength(1);
    expect(await t.dataSource.getRepository(User).countBy({ telegramId: newcomer.id })).toBe(1);
  });
});
