import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { DateTime } from 'luxon';
import request from 'supertest';
import { QueueName } from '../../src/infrastructure/queues/jobs';
import { SendBroadcastChunkCommand } from '../../src/modules/broadcasts/commands/send-broadcast-chunk.command';
import { StartBroadcastCommand } from '../../src/modules/broadcasts/commands/start-broadcast.command';
import { SweepBroadcastsCommand } from '../../src/modules/broadcasts/commands/sweep-broadcasts.command';
import { BroadcastScheduleTick } from '../../src/modules/broadcasts/jobs/broadcast-schedule.tick';
import { BroadcastDelivery } from '../../src/modules/broadcasts/persistence/broadcast-delivery.entity';
import { Broadcast } from '../../src/modules/broadcasts/persistence/broadcast.entity';
import { BroadcastAudience } from '../../src/modules/broadcasts/persistence/broadcast-audience';
import { DomainError } from '../../src/common/errors/domain-error';
import { ErrorCode } from '../../src/common/errors/error-code';
import { AuditLog } from '../../src/modules/audit/persistence/audit-log.entity';
import { User } from '../../src/modules/users/persistence/user.entity';
import { loginAs } from '../support/auth';
import {
  aSegment,
  broadcastIn,
  broadcastSettings,
  countBy,
  createBroadcast,
  deliveriesOf,
} from '../support/broadcasts';
import { aUser } from '../support/factories';
import { TelegramEmulator } from '../support/telegram-emulator/telegram-emulator';
import type { RecordedCall } from '../support/telegram-emulator/types';
import { createTestApp, eventually, TestApp } from '../support/test-app';

const FILE_ID = 'AgACAgIAAxkBAAIBZ2ZmYWJjZGVmZ2hpamtsbW5vcHFy';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const SENDS = ['sendMessage', 'sendPhoto', 'sendVideo'];

describe('broadcast sending: tick -> start job -> chunk jobs -> Telegram (emulator)', () => {
  let emulator: TelegramEmulator;
  let t: TestApp;
  let auth: { Authorization: string };
  let CLIENT: string;

  /** Sends of the client bot that reached the emulator (failed ones included). */
  const sends = (): RecordedCall[] =>
    emulator.calls.filter((c) => c.token === CLIENT && SENDS.includes(c.method));
  const sortedIds = (ids: Array<number | null | undefined>) =>
    ids.filter((id): id is number => typeof id === 'number').sort((a, b) => a - b);
  const sendNow = (id: number) => request(t.url).post(`/api/v1/broadcasts/${id}/send`).set(auth);

  beforeAll(async () => {
    emulator = await TelegramEmulator.start();
    t = await createTestApp({
      env: { TELEGRAM_API_ROOT: emulator.apiRoot, APP_ROLES: 'api,worker,scheduler' },
    });
    CLIENT = t.config.clientBotToken;
    ({ auth } = await loginAs(t, 'marketing'));
  });
  afterAll(async () => {
    await t.close();
    await emulator.stop();
  });
  beforeEach(async () => {
    emulator.reset();
    t.clock.reset();
    await t.dataSource.query("UPDATE users SET status = 'deleted', telegram_id = NULL");
    await broadcastSettings(t, { rate: 200, paid: true, maxAttempts: 5, chunkSize: 1000 });
  });

  /** A mixed crowd: who must and must not get a broadcast to the `vip` segment. */
  async function crowd() {
    const vip = await Promise.all([1, 2, 3, 4].map(() => aUser(t.dataSource, { tags: ['vip'] })));
    const others = await Promise.all([1, 2].map(() => aUser(t.dataSource)));
    const vipTest = await aUser(t.dataSource, { tags: ['vip'], isTest: true });
    const plainTest = await aUser(t.dataSource, { isTest: true });
    const vipBlocked = await aUser(t.dataSource, { tags: ['vip'], status: 'blocked' });
    const segment = await aSegment(t, { all: [{ field: 'tags', op: 'any', value: ['vip'] }] });
    return { vip, others, vipTest, plainTest, vipBlocked, segment };
  }

  it('sends a scheduled broadcast when the minute tick finds it due (clock set), once however many ticks', async () => {
    const { vip, segment } = await crowd();
    const broadcast = await createBroadcast(t, auth, {
      text: '<b>Мармелад недели</b>: облепиховые мишки',
      segmentId: segment.id,
      buttons: [[{ text: 'Каталог', url: 'https://marmeladny-dvorik.ru/catalog' }]],
    });
    const inTwoHours = DateTime.now().setZone('Asia/Vladivostok').plus({ hours: 2 }).startOf('minute');
    const scheduled = await request(t.url)
      .post(`/api/v1/broadcasts/${broadcast.id}/schedule`)
      .set(auth)
      .send({ scheduledAt: inTwoHours.toFormat("yyyy-MM-dd'T'HH:mm") }); // shop time, no offset
    expect(scheduled.status).toBe(200);
    expect(scheduled.body).toMatchObject({ status: 'scheduled', scheduledAt: inTwoHours.toUTC().toISO() });

    const tick = t.get(BroadcastScheduleTick);
    expect((await tick.enqueue()).started).toEqual([]);
    await sleep(300);
    expect(sends()).toHaveLength(0);

    t.clock.set(inTwoHours.plus({ minutes: 1 }).toJSDate(), true);
    const [first, second] = [await tick.enqueue(), await tick.enqueue()];
    expect(first.started).toHaveLength(1);
    expect(second.started).toEqual(first.started);

    const done = await broadcastIn(t, broadcast.id, ['sent']);
    expect(sortedIds(sends().map((c) => c.chatId))).toEqual(sortedIds(vip.map((u) => u.telegramId)));
    expect(sends()[0].params).toMatchObject({
      parse_mode: 'HTML',
      text: '<b>Мармелад недели</b>: облепиховые мишки',
      reply_markup: { inline_keyboard: [[{ text: 'Каталог', url: 'https://marmeladny-dvorik.ru/catalog' }]] },
    });
    expect(emulator.lastMessageTo(vip[0].telegramId as number)?.text).toBe(
      'Мармелад недели: облепиховые мишки',
    );
    expect(done).toMatchObject({ targetCount: 4, sentCount: 4, failedCount: 0, blockedCount: 0 });
    expect(done.startedAt?.getTime()).toBeGreaterThanOrEqual(inTwoHours.toMillis());

    const rows = [...(await deliveriesOf(t, broadcast.id)).values()];
    expect(rows.map((r) => [r.status, r.attempts])).toEqual(rows.map(() => ['sent', 1]));
    expect(rows.every((r) => r.telegramMessageId !== null && r.sentAt !== null)).toBe(true);

    const stats = await request(t.url).get(`/api/v1/broadcasts/${broadcast.id}/stats`).set(auth);
    expect(stats.body).toEqual({
      broadcastId: broadcast.id,
      status: 'sent',
      target: 4,
      pending: 0,
      sending: 0,
      sent: 4,
      failed: 0,
      blocked: 0,
      unknown: 0,
      progress: 100,
      audience: null,
    });
    const actions = await eventually(async () => {
      const logs = await t.dataSource
        .getRepository(AuditLog)
        .find({ where: { entityType: 'broadcast', entityId: String(broadcast.id) }, order: { id: 'ASC' } });
      return logs.length >= 4 ? logs.map((l) => l.action) : null;
    });
    expect(actions).toEqual([
      'broadcast.created',
      'broadcast.scheduled',
      'broadcast.started',
      'broadcast.finished',
    ]);
  });

  it('sends text, photo by file_id and video by URL to exactly the segment; test clients only for a test broadcast', async () => {
    const { vip, others, vipTest, plainTest, segment } = await crowd();
    const expectedVip = sortedIds(vip.map((u) => u.telegramId));

    const photo = await createBroadcast(t, auth, {
      contentType: 'photo',
      media: FILE_ID,
      text: 'Фото <i>новинки</i>',
      segmentId: segment.id,
    });
    expect((await sendNow(photo.id)).status).toBe(200);
    await broadcastIn(t, photo.id, ['sent']);
    const photoCalls = emulator.callsOf('sendPhoto');
    expect(sortedIds(photoCalls.map((c) => c.chatId))).toEqual(expectedVip);
    expect(photoCalls[0].params).toMatchObject({
      photo: FILE_ID,
      caption: 'Фото <i>новинки</i>',
      parse_mode: 'HTML',
    });
    expect(photoCalls.every((c) => c.response.status === 200)).toBe(true);

    const video = await createBroadcast(t, auth, {
      contentType: 'video',
      media: 'https://cdn.marmeladny-dvorik.ru/promo.mp4',
      segmentId: segment.id,
    });
    await sendNow(video.id);
    await broadcastIn(t, video.id, ['sent']);
    expect(sortedIds(emulator.callsOf('sendVideo').map((c) => c.chatId))).toEqual(expectedVip);
    expect(emulator.lastMessageTo(vip[1].telegramId as number)?.video).toBeDefined();

    emulator.reset();
    const everyone = await createBroadcast(t, auth, { text: 'Всем привет' });
    await sendNow(everyone.id);
    await broadcastIn(t, everyone.id, ['sent']);
    expect(sortedIds(sends().map((c) => c.chatId))).toEqual(
      sortedIds([...vip, ...others].map((u) => u.telegramId)),
    );

    emulator.reset();
    const testOnly = await createBroadcast(t, auth, { text: 'Проверка', isTest: true });
    await sendNow(testOnly.id);
    await broadcastIn(t, testOnly.id, ['sent']);
    expect(sortedIds(sends().map((c) => c.chatId))).toEqual(
      sortedIds([vipTest.telegramId, plainTest.telegramId]),
    );

    emulator.reset();
    const testVip = await createBroadcast(t, auth, {
      text: 'Проверка VIP',
      isTest: true,
      segmentId: segment.id,
    });
    await sendNow(testVip.id);
    await broadcastIn(t, testVip.id, ['sent']);
    expect(sortedIds(sends().map((c) => c.chatId))).toEqual([vipTest.telegramId]);
  });

  it('marks a recipient who blocked the bot (403) blocked, once, and the client blocked', async () => {
    const [anna, boris] = [await aUser(t.dataSource), await aUser(t.dataSource)];
    emulator.blockChat(boris.telegramId as number);
    const broadcast = await createBroadcast(t, auth, { text: 'Скидки до воскресенья' });
    await sendNow(broadcast.id);
    const done = await broadcastIn(t, broadcast.id, ['sent']);
    expect(done).toMatchObject({ targetCount: 2, sentCount: 1, blockedCount: 1 });
    const rows = await deliveriesOf(t, broadcast.id);
    expect(rows.get(anna.id)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(rows.get(boris.id)).toMatchObject({ status: 'blocked', attempts: 1, errorCode: '403' });
    expect(countBy(sends().map((c) => c.chatId)).get(boris.telegramId as number)).toBe(1);
    const users = t.dataSource.getRepository(User);
    await eventually(async () => (await users.findOneByOrFail({ id: boris.id })).status === 'blocked');
    expect((await users.findOneByOrFail({ id: anna.id })).status).toBe('active');
  });

  it('honours 429: no sendMessage reaches Telegram within retry_after, the row is sent afterwards', async () => {
    await broadcastSettings(t, { rate: 10, paid: false });
    const clients = await Promise.all([1, 2, 3, 4, 5, 6].map(() => aUser(t.dataSource)));
    emulator.failNext('sendMessage', {
      errorCode: 429,
      retryAfter: 2,
      chatId: clients[2].telegramId as number,
    });
    const broadcast = await createBroadcast(t, auth, { text: 'Распродажа' });
    await sendNow(broadcast.id);
    await broadcastIn(t, broadcast.id, ['sent'], 20_000);

    const calls = emulator.callsOf('sendMessage');
    const limited = calls.find((c) => c.response.status === 429) as RecordedCall;
    expect(limited.chatId).toBe(clients[2].telegramId);
    const pausedUntil = limited.at.getTime() + 2000;
    const during = calls.filter((c) => c.at.getTime() > limited.at.getTime() && c.at.getTime() < pausedUntil);
    expect(during).toEqual([]);
    expect(calls.filter((c) => c.response.status === 200)).toHaveLength(6);
    const rows = await deliveriesOf(t, broadcast.id);
    expect(rows.get(clients[2].id)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(emulator.stats.tooManyRequests).toBe(1);
  });

  it('retries other failures with backoff and fails a recipient after broadcast.max_attempts', async () => {
    await broadcastSettings(t, { maxAttempts: 3 });
    const [flaky, broken, fine] = await Promise.all([1, 2, 3].map(() => aUser(t.dataSource)));
    emulator.failNext('sendMessage', { errorCode: 502, chatId: flaky.telegramId as number, count: 1 });
    emulator.failNext('sendMessage', { errorCode: 500, chatId: broken.telegramId as number, count: 10 });
    const broadcast = await createBroadcast(t, auth, { text: 'Попытка' });
    await sendNow(broadcast.id);
    const done = await broadcastIn(t, broadcast.id, ['sent'], 20_000);
    const rows = await deliveriesOf(t, broadcast.id);
    expect(rows.get(flaky.id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(rows.get(broken.id)).toMatchObject({ status: 'failed', attempts: 3, errorCode: '500' });
    expect(rows.get(fine.id)).toMatchObject({ status: 'sent', attempts: 1 });
    const toBroken = emulator.sentTo(broken.telegramId as number);
    expect(toBroken).toHaveLength(3);
    // 1 s, then 2 s of backoff between the attempts
    expect(toBroken[1].at.getTime() - toBroken[0].at.getTime()).toBeGreaterThanOrEqual(950);
    expect(toBroken[2].at.getTime() - toBroken[1].at.getTime()).toBeGreaterThanOrEqual(1950);
    expect(done).toMatchObject({ sentCount: 2, failedCount: 1 });
  });

  it('fails a broadcast whose audience cannot be resolved, its finish recorded in the outbox with its audit row', async () => {
    const broadcast = await createBroadcast(t, auth, { text: 'Сегмент сломан' });
    await t.dataSource.query(
      "UPDATE broadcasts SET status = 'scheduled', scheduled_at = NOW(3) - INTERVAL 1 MINUTE WHERE id = ?",
      [broadcast.id],
    );
    const pages = jest
      .spyOn(t.get(BroadcastAudience), 'pages')
      .mockRejectedValueOnce(
        new DomainError(ErrorCode.SEGMENT_FILTER_INVALID, 'the segment no longer reads'),
      );
    try {
      expect(await t.commands.execute(new StartBroadcastCommand(broadcast.id))).toMatchObject({
        started: false,
      });
    } finally {
      pages.mockRestore();
    }
    expect(await t.dataSource.getRepository(Broadcast).findOneByOrFail({ id: broadcast.id })).toMatchObject({
      status: 'failed',
    });
    const facts = (await t.dataSource.query(
      "SELECT payload FROM outbox_events WHERE type = 'broadcast.finished' AND JSON_VALUE(payload, '$.broadcastId') = ?",
      [broadcast.id],
    )) as Array<{ payload: string | object }>;
    expect(facts).toHaveLength(1);
    const audit = await t.dataSource
      .getRepository(AuditLog)
      .findBy({ action: 'broadcast.finished', entityId: String(broadcast.id) });
    expect(audit).toHaveLength(1);
    expect(audit[0].changes).toEqual({ status: 'failed', error: 'SEGMENT_FILTER_INVALID' });
  });

  it('cancels mid-way: what was sent stays sent, the rest is never sent', async () => {
    await broadcastSettings(t, { rate: 4, paid: false });
    await Promise.all(Array.from({ length: 20 }, () => aUser(t.dataSource)));
    const broadcast = await createBroadcast(t, auth, { text: 'Медленная рассылка' });
    await sendNow(broadcast.id);
    await eventually(() => sends().length >= 3, 10_000);
    const cancelled = await request(t.url).post(`/api/v1/broadcasts/${broadcast.id}/cancel`).set(auth);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    await sleep(1500); // a send in flight at the cancel finishes
    const atCancel = sends().length;
    await sleep(2000);
    expect(sends()).toHaveLength(atCancel);
    expect(atCancel).toBeLessThan(20);

    const rows = [...(await deliveriesOf(t, broadcast.id)).values()];
    const sent = rows.filter((r) => r.status === 'sent');
    expect(sent).toHaveLength(atCancel);
    expect(rows.filter((r) => r.status === 'pending')).toHaveLength(20 - atCancel);
    const stats = await request(t.url).get(`/api/v1/broadcasts/${broadcast.id}/stats`).set(auth);
    expect(stats.body).toMatchObject({
      status: 'cancelled',
      target: 20,
      sent: atCancel,
      pending: 20 - atCancel,
    });
    const again = await request(t.url).post(`/api/v1/broadcasts/${broadcast.id}/cancel`).set(auth);
    expect(again.body.error.code).toBe('BROADCAST_NOT_EDITABLE');
  });

  it('after a crash: rows left sending become unknown and are never sent again', async () => {
    const queue = t.get<Queue>(getQueueToken(QueueName.Broadcasts));
    await queue.pause(); // no worker takes the chunk job: this test plays the crashed run and its rerun
    try {
      const clients = await Promise.all(Array.from({ length: 6 }, () => aUser(t.dataSource)));
      const broadcast = await createBroadcast(t, auth, { text: 'После сбоя' });
      const repository = t.dataSource.getRepository(Broadcast);
      await repository.update(broadcast.id, {
        status: 'scheduled',
        scheduledAt: new Date(Date.now() - 1000),
      });
      const start = await t.commands.execute(new StartBroadcastCommand(broadcast.id));
      expect(start).toEqual({ started: true, target: 6, chunks: 1 });

      // The crashed worker had claimed two rows and died before recording Telegram's answer.
      const deliveries = t.dataSource.getRepository(BroadcastDelivery);
      const inFlight = [clients[1], clients[4]];
      for (const client of inFlight) {
        await deliveries.update(
          { broadcastId: broadcast.id, userId: client.id },
          { status: 'sending', attempts: 1 },
        );
      }
      const ids = clients.map((c) => c.id);
      const chunk = { broadcastId: broadcast.id, fromUserId: Math.min(...ids), toUserId: Math.max(...ids) };
      const result = await t.commands.execute(new SendBroadcastChunkCommand(chunk, true));
      expect(result).toMatchObject({ end: 'done', interrupted: 2, sent: 4 });

      const rows = await deliveriesOf(t, broadcast.id);
      for (const client of inFlight) {
        expect(rows.get(client.id)).toMatchObject({ status: 'unknown', errorCode: 'INTERRUPTED' });
        expect(emulator.sentTo(client.telegramId as number)).toHaveLength(0);
      }
      expect(sortedIds(sends().map((c) => c.chatId))).toEqual(
        sortedIds(clients.filter((c) => !inFlight.includes(c)).map((c) => c.telegramId)),
      );
      const done = await broadcastIn(t, broadcast.id, ['sent']);
      expect(done).toMatchObject({ sentCount: 4, failedCount: 0 });
      const stats = await request(t.url).get(`/api/v1/broadcasts/${broadcast.id}/stats`).set(auth);
      expect(stats.body).toMatchObject({ sent: 4, unknown: 2, pending: 0, progress: 100 });
    } finally {
      await queue.resume();
    }
    // The queued chunk job now runs too: nothing is pending, so nobody gets a second message.
    await eventually(async () => (await queue.getJobCounts('waiting', 'active')).active === 0, 5000);
    await sleep(300);
    expect([...countBy(sends().map((c) => c.chatId)).values()].every((n) => n === 1)).toBe(true);
  });

  it('the sweep settles rows stuck in sending for longer than any send takes', async () => {
    const queue = t.get<Queue>(getQueueToken(QueueName.Broadcasts));
    await queue.pause();
    try {
      const [a, b] = [await aUser(t.dataSource), await aUser(t.dataSource)];
      const broadcast = await createBroadcast(t, auth, { text: 'Зависшая' });
      await t.dataSource
        .getRepository(Broadcast)
        .update(broadcast.id, { status: 'scheduled', scheduledAt: new Date(Date.now() - 1000) });
      await t.commands.execute(new StartBroadcastCommand(broadcast.id));
      const deliveries = t.dataSource.getRepository(BroadcastDelivery);
      const now = Date.now();
      await deliveries.update(
        { broadcastId: broadcast.id, userId: a.id },
        { status: 'sending', attempts: 1, updatedAt: new Date(now - 11 * 60_000) },
      );
      await deliveries.update(
        { broadcastId: broadcast.id, userId: b.id },
        { status: 'sent', attempts: 1, updatedAt: new Date(now - 60_000) },
      );
      const swept = await t.commands.execute(new SweepBroadcastsCommand(new Date(now)));
      expect(swept).toMatchObject({ staleToUnknown: 1, finished: 1 });
      expect((await deliveriesOf(t, broadcast.id)).get(a.id)).toMatchObject({
        status: 'unknown',
        errorCode: 'STALE',
      });
      expect((await t.dataSource.getRepository(Broadcast).findOneByOrFail({ id: broadcast.id })).status).toBe(
        'sent',
      );
      await queue.obliterate({ force: true });
    } finally {
      await queue.resume();
    }
    expect(sends()).toHaveLength(0);
  });

  it('shows sends by outcome and sends in flight in /metrics', async () => {
    await aUser(t.dataSource);
    const blocked = await aUser(t.dataSource);
    emulator.blockChat(blocked.telegramId as number);
    const broadcast = await createBroadcast(t, auth, { text: 'Метрики' });
    await sendNow(broadcast.id);
    await broadcastIn(t, broadcast.id, ['sent']);
    const metrics = await request(t.url).get('/metrics');
    expect(metrics.text).toMatch(/dvorik_broadcast_sends_total\{outcome="sent"\} [1-9]/);
    expect(metrics.text).toMatch(/dvorik_broadcast_sends_total\{outcome="blocked"\} [1-9]/);
    expect(metrics.text).toMatch(/dvorik_broadcast_sends_in_flight 0/);
    expect(metrics.text).toContain('dvorik_broadcast_recipients');
  });
});
