import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import request from 'supertest';
import { Metrics } from '../../src/infrastructure/metrics/metrics';
import { QueueName } from '../../src/infrastructure/queues/jobs';
import { BroadcastsWorker } from '../../src/infrastructure/queues/queue-workers';
import { SendBroadcastChunkCommand } from '../../src/modules/broadcasts/commands/send-broadcast-chunk.command';
import { StartBroadcastCommand } from '../../src/modules/broadcasts/commands/start-broadcast.command';
import { Broadcast } from '../../src/modules/broadcasts/persistence/broadcast.entity';
import { loginAs } from '../support/auth';
import {
  broadcastIn,
  broadcastSettings,
  countBy,
  createBroadcast,
  deliveriesOf,
} from '../support/broadcasts';
import { manyUsers } from '../support/factories';
import { TelegramEmulator } from '../support/telegram-emulator/telegram-emulator';
import { createTestApp, eventually, TestApp } from '../support/test-app';

/** Sends this app's process counted, by outcome. */
async function sentBy(t: TestApp): Promise<number> {
  const metric = await t.get(Metrics).broadcastSends.get();
  return metric.values.filter((v) => v.labels.outcome === 'sent').reduce((sum, v) => sum + v.value, 0);
}

describe('broadcasts with two worker processes', () => {
  let emulator: TelegramEmulator;
  let one: TestApp;
  let two: TestApp;
  let auth: { Authorization: string };

  const sendCalls = () =>
    emulator.callsOf('sendMessage').filter((c) => c.token === one.config.clientBotToken);

  beforeAll(async () => {
    emulator = await TelegramEmulator.start();
    const env = { TELEGRAM_API_ROOT: emulator.apiRoot };
    one = await createTestApp({ env: { ...env, APP_ROLES: 'api,worker,scheduler' } });
    two = await createTestApp({ env: { ...env, APP_ROLES: 'worker' }, reset: false });
    ({ auth } = await loginAs(one, 'owner'));
    await broadcastSettings(one, { rate: 400, paid: true, chunkSize: 10 });
  });
  let twoClosed = false;
  afterAll(async () => {
    if (!twoClosed) await two.close();
    await one.close();
    await emulator.stop();
  });
  beforeEach(async () => {
    emulator.reset();
    await one.dataSource.query("UPDATE users SET status = 'deleted', telegram_id = NULL");
  });

  it('share the chunks of one broadcast and send nobody twice', async () => {
    await manyUsers(one.dataSource, 300);
    const broadcast = await createBroadcast(one, auth, { text: 'Две очереди, одна рассылка' });
    expect((await request(one.url).post(`/api/v1/broadcasts/${broadcast.id}/send`).set(auth)).status).toBe(
      200,
    );
    const done = await broadcastIn(one, broadcast.id, ['sent'], 30_000);

    const perChat = countBy(sendCalls().map((c) => c.chatId));
    expect(perChat.size).toBe(300);
    expect([...perChat.values()].filter((n) => n > 1)).toEqual([]);
    expect(done).toMatchObject({ targetCount: 300, sentCount: 300 });
    // Both processes took part (30 chunk jobs, four at a time each).
    expect(await sentBy(one)).toBeGreaterThan(0);
    expect(await sentBy(two)).toBeGreaterThan(0);
    expect((await sentBy(one)) + (await sentBy(two))).toBe(300);
  });

  it('run the same range at the same time without a duplicate: each row is claimed once', async () => {
    const queue = one.get<Queue>(getQueueToken(QueueName.Broadcasts));
    await queue.pause();
    try {
      await manyUsers(one.dataSource, 60);
      const broadcast = await createBroadcast(one, auth, { text: 'Гонка' });
      await one.dataSource
        .getRepository(Broadcast)
        .update(broadcast.id, { status: 'scheduled', scheduledAt: new Date(Date.now() - 1000) });
      // Two start jobs at once (say, a retry racing the original): the audience is resolved once.
      const starts = await Promise.all([
        one.commands.execute(new StartBroadcastCommand(broadcast.id)),
        two.commands.execute(new StartBroadcastCommand(broadcast.id)),
      ]);
      expect(starts.filter((s) => s.started)).not.toHaveLength(0);
      const rows = [...(await deliveriesOf(one, broadcast.id)).keys()];
      expect(rows).toHaveLength(60);

      const chunk = { broadcastId: broadcast.id, fromUserId: Math.min(...rows), toUserId: Math.max(...rows) };
      const [a, b] = await Promise.all([
        one.commands.execute(new SendBroadcastChunkCommand(chunk, false)),
        two.commands.execute(new SendBroadcastChunkCommand(chunk, false)),
      ]);
      expect(a.sent + b.sent).toBe(60);
      const perChat = countBy(sendCalls().map((c) => c.chatId));
      expect(perChat.size).toBe(60);
      expect([...perChat.values()].every((n) => n === 1)).toBe(true);
      expect((await broadcastIn(one, broadcast.id, ['sent'])).sentCount).toBe(60);
      await queue.obliterate({ force: true });
    } finally {
      await queue.resume();
    }
  });

  it('stop gracefully: a worker shutting down finishes its send in flight and hands the rest back', async () => {
    await broadcastSettings(one, { rate: 3, paid: false, chunkSize: 1000 });
    await manyUsers(one.dataSource, 12);
    const queue = one.get<Queue>(getQueueToken(QueueName.Broadcasts));
    // Only the second process works at first: the first one's worker is paused.
    await one.get(BroadcastsWorker).worker.pause();
    try {
      const broadcast = await createBroadcast(one, auth, { text: 'Плавная остановка' });
      await request(one.url).post(`/api/v1/broadcasts/${broadcast.id}/send`).set(auth);
      await eventually(() => sendCalls().length >= 2, 10_000);
      await two.close();
      twoClosed = true;
      const rows = [...(await deliveriesOf(one, broadcast.id)).values()];
      expect(rows.filter((r) => r.status === 'sending')).toEqual([]);
      const sent = rows.filter((r) => r.status === 'sent').length;
      expect(sent).toBe(sendCalls().length);
      expect(sent).toBeLessThan(12);
      // The chunk job went back to the queue (delayed), not to the failed set.
      const counts = await queue.getJobCounts('delayed', 'wait', 'failed');
      expect(counts.failed).toBe(0);
      expect(counts.delayed + counts.wait).toBe(1);

      one.get(BroadcastsWorker).worker.resume();
      await broadcastIn(one, broadcast.id, ['sent'], 20_000);
      const perChat = countBy(sendCalls().map((c) => c.chatId));
      expect(perChat.size).toBe(12);
      expect([...perChat.values()].every((n) => n === 1)).toBe(true);
    } finally {
      one.get(BroadcastsWorker).worker.resume();
    }
  });
});
