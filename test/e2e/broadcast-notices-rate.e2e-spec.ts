import request from 'supertest';
import { ClientBotSendLimiter } from '../../src/infrastructure/telegram/client-bot-send-limiter';
import { loginAs } from '../support/auth';
import { broadcastIn, broadcastSettings, createBroadcast } from '../support/broadcasts';
import { aUser, manyUsers } from '../support/factories';
import { TelegramEmulator } from '../support/telegram-emulator/telegram-emulator';
import type { RecordedCall } from '../support/telegram-emulator/types';
import { createTestApp, eventually, TestApp } from '../support/test-app';

/** What the emulator lets through, like Telegram's per-bot limit; the shop's setting stays below it. */
const TELEGRAM_LIMIT = 20;
const RATE = 15;
const BROADCAST_TEXT = 'Новогодний мармелад уже на полках';

/** The most calls within any sliding second (a window starting at each call). */
function busiestSecond(calls: RecordedCall[]): number {
  const times = calls.map((call) => call.at.getTime()).sort((a, b) => a - b);
  return Math.max(0, ...times.map((start) => times.filter((at) => at >= start && at < start + 1000).length));
}

describe('broadcasts and client notices: one client bot, one rate and one 429 pause (worker, emulator)', () => {
  let emulator: TelegramEmulator;
  let t: TestApp;
  let auth: { Authorization: string };
  let CLIENT: string;

  const clientSends = () =>
    emulator.calls.filter((call) => call.token === CLIENT && call.method === 'sendMessage');
  const isBroadcast = (call: RecordedCall) => call.params.text === BROADCAST_TEXT;
  const sendNow = (id: number) => request(t.url).post(`/api/v1/broadcasts/${id}/send`).set(auth);
  const issue = (userId: number) =>
    request(t.url).post('/api/v1/discounts').set(auth).send({ userId, templateId: 3 });
  const limiter = () => t.get(ClientBotSendLimiter);

  beforeAll(async () => {
    emulator = await TelegramEmulator.start({ rateLimitPerSecond: TELEGRAM_LIMIT });
    t = await createTestApp({ env: { TELEGRAM_API_ROOT: emulator.apiRoot, APP_ROLES: 'api,worker' } });
    CLIENT = t.config.clientBotToken;
    ({ auth } = await loginAs(t, 'marketing'));
    await broadcastSettings(t, { rate: RATE, paid: false, chunkSize: 1000 });
  });
  afterAll(async () => {
    await t.close();
    await emulator.stop();
  });
  beforeEach(async () => {
    emulator.reset();
    await t.dataSource.query("UPDATE users SET status = 'deleted', telegram_id = NULL");
  });

  it('a broadcast and a bulk issue at the same time stay within broadcast.rate_per_second together: no 429', async () => {
    await manyUsers(t.dataSource, 36, (i) => ({ telegramId: 5_300_000 + i }));
    const ids = (await t.dataSource.query(
      'SELECT id FROM users WHERE telegram_id BETWEEN 5300000 AND 5300035 ORDER BY id',
    )) as Array<{ id: number }>;
    const broadcast = await createBroadcast(t, auth, { text: BROADCAST_TEXT });

    const [sent, bulk] = await Promise.all([
      sendNow(broadcast.id),
      request(t.url)
        .post('/api/v1/users/bulk/discounts')
        .set(auth)
        .send({ templateId: 3, userIds: ids.map((row) => Number(row.id)) }),
    ]);
    expect([sent.status, bulk.status]).toEqual([200, 202]);

    await broadcastIn(t, broadcast.id, ['sent'], 30_000);
    await eventually(() => clientSends().filter((call) => !isBroadcast(call)).length === 36, 30_000, 100);
    const calls = clientSends();
    const [broadcastSends, notices] = [calls.filter(isBroadcast), calls.filter((c) => !isBroadcast(c))];
    expect([broadcastSends.length, notices.length]).toEqual([36, 36]);
    expect(emulator.stats.tooManyRequests).toBe(0);
    // They really ran together: notices went out between the broadcast's first and last send.
    const [from, to] = [broadcastSends[0].at.getTime(), broadcastSends[35].at.getTime()];
    expect(notices.filter((c) => c.at.getTime() > from && c.at.getTime() < to).length).toBeGreaterThan(5);
    // Slots are 1/15 s apart on Redis's clock, and a request reaches Telegram a little after its slot (a
    // new connection, the broadcast's claim UPDATE first), so a second may hold a few more, never 20.
    expect(busiestSecond(calls)).toBeLessThanOrEqual(RATE + 3);
    const seconds = (calls[calls.length - 1].at.getTime() - calls[0].at.getTime()) / 1000;
    expect((calls.length - 1) / seconds).toBeLessThanOrEqual(RATE * 1.1);
  });

  it('a 429 on a client notice pauses broadcast sending too', async () => {
    const [anna, ...others] = await Promise.all([1, 2, 3, 4].map(() => aUser(t.dataSource)));
    emulator.failNext('sendMessage', { errorCode: 429, retryAfter: 2, chatId: anna.telegramId as number });

    const issued = await issue(anna.id);
    expect(issued.status).toBe(201);
    const limited = await emulator.waitFor((call) => call.response.status === 429);
    await eventually(async () => (await limiter().pausedFor()) > 0);
    const broadcast = await createBroadcast(t, auth, { text: BROADCAST_TEXT });
    expect((await sendNow(broadcast.id)).status).toBe(200);

    await broadcastIn(t, broadcast.id, ['sent'], 20_000);
    // Anna gets the broadcast too: wait for the notice itself, sent again after the pause.
    await emulator.waitFor(
      (call) => String(call.params.text).includes(issued.body.code) && call.response.status === 200,
      10_000,
    );
    const after = clientSends().filter((call) => call !== limited);
    expect(after.filter((call) => call.at.getTime() < limited.at.getTime() + 2000)).toEqual([]);
    expect(after.filter(isBroadcast)).toHaveLength(1 + others.length);
    expect(after.filter((call) => String(call.params.text).includes(issued.body.code))).toHaveLength(1);
  });

  it('a 429 on a broadcast send holds client notices back too', async () => {
    const [anna, boris] = await Promise.all([1, 2].map(() => aUser(t.dataSource)));
    emulator.failNext('sendMessage', { errorCode: 429, retryAfter: 2, chatId: anna.telegramId as number });
    const broadcast = await createBroadcast(t, auth, { text: BROADCAST_TEXT });
    expect((await sendNow(broadcast.id)).status).toBe(200);

    const limited = await emulator.waitFor((call) => call.response.status === 429);
    await eventually(async () => (await limiter().pausedFor()) > 0);
    const issued = await issue(boris.id);
    expect(issued.status).toBe(201);

    const notice = await emulator.waitFor(
      (call) => String(call.params.text).includes(issued.body.code),
      10_000,
    );
    expect(notice.at.getTime()).toBeGreaterThanOrEqual(limited.at.getTime() + 2000);
    expect(notice.response.status).toBe(200);
    await broadcastIn(t, broadcast.id, ['sent'], 20_000);
  });
});
