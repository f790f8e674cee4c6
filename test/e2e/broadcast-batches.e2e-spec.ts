import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { QueueName } from '../../src/infrastructure/queues/jobs';
import { RedisKeys } from '../../src/infrastructure/redis/redis-keys';
import { redisOptionsFromUrl } from '../../src/infrastructure/redis/redis-url';
import { ClientBotSendLimiter } from '../../src/infrastructure/telegram/client-bot-send-limiter';
import { SendBroadcastChunkCommand } from '../../src/modules/broadcasts/commands/send-broadcast-chunk.command';
import { StartBroadcastCommand } from '../../src/modules/broadcasts/commands/start-broadcast.command';
import { Broadcast } from '../../src/modules/broadcasts/persistence/broadcast.entity';
import { DeliveryLedger } from '../../src/modules/broadcasts/persistence/delivery-ledger';
import { BroadcastMessage } from '../../src/modules/broadcasts/sending/broadcast-message';
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
import { createTestApp, TestApp } from '../support/test-app';

/** A broadcast `sending`, its audience resolved into pending rows, no chunk job taken (the queue paused). */
async function sendingBroadcast(t: TestApp, auth: { Authorization: string }, text: string) {
  const broadcast = await createBroadcast(t, auth, { text });
  await t.dataSource
    .getRepository(Broadcast)
    .update(broadcast.id, { status: 'scheduled', scheduledAt: new Date(Date.now() - 1000) });
  await t.commands.execute(new StartBroadcastCommand(broadcast.id));
  const rows = await deliveriesOf(t, broadcast.id);
  return { id: broadcast.id, userIds: [...rows.keys()].sort((a, b) => a - b) };
}

describe('broadcasts in batches', () => {
  let emulator: TelegramEmulator;
  let t: TestApp;
  let auth: { Authorization: string };
  let queue: Queue;

  beforeAll(async () => {
    emulator = await TelegramEmulator.start();
    t = await createTestApp({ env: { TELEGRAM_API_ROOT: emulator.apiRoot, APP_ROLES: 'api,worker' } });
    ({ auth } = await loginAs(t, 'marketing'));
    queue = t.get<Queue>(getQueueToken(QueueName.Broadcasts));
    await queue.pause(); // the tests below play the workers themselves
  });
  afterAll(async () => {
    await queue.obliterate({ force: true });
    await t.close();
    await emulator.stop();
  });
  beforeEach(async () => {
    emulator.reset();
    await t.dataSource.query("UPDATE users SET status = 'deleted', telegram_id = NULL");
  });

  describe('the limiter grants batches of slots (real Redis, callers on connections of their own)', () => {
    const prefix = `limiter-batches-${process.pid}-${Date.now()}`;
    const connections: Redis[] = [];
    afterAll(async () => {
      const keys = await connections[0].keys(`${prefix}:*`);
      if (keys.length > 0) await connections[0].del(...keys);
      for (const redis of connections) redis.disconnect();
    });

    it('never grants more than the rate allows since the first slot, however many callers ask at once', async () => {
      const RATE = 200;
      const WANTED = 20;
      const limiters = Array.from({ length: 6 }, () => {
        const redis = new Redis(redisOptionsFromUrl(t.config.redisUrl));
        connections.push(redis);
        return new ClientBotSendLimiter(redis, new RedisKeys(prefix));
      });
      const grants: Array<{ at: number; n: number }> = [];
      const startedAt = Date.now();
      await Promise.all(
        limiters.map(async (limiter) => {
          for (let i = 0; i < 8; i++) {
            const n = await limiter.acquireMany(RATE, WANTED, () => false);
            grants.push({ at: Date.now(), n });
          }
        }),
      );
      expect(grants.every((g) => g.n >= 1 && g.n <= WANTED)).toBe(true);
      // A batch's first slot is due when acquireMany returns, slot i 1000 / RATE * i ms later, and
      // spacedSends sends each at its slot. Slot k of the shared timeline is due at first + k / RATE:
      // whatever the callers' delays, the k-th send of all never goes before it (1 ms of clock rounding).
      const sends = grants
        .flatMap((g) => Array.from({ length: g.n }, (_, i) => g.at + (i * 1000) / RATE))
        .sort((a, b) => a - b);
      sends.forEach((at, k) => expect(at).toBeGreaterThanOrEqual(startedAt + (k * 1000) / RATE - 1));
      const granted = sends.length;
      expect(granted).toBeGreaterThanOrEqual(6 * 8);
    });

    it('grants nothing during a pause (a 429), and a batch of one is a single slot', async () => {
      const redis = new Redis(redisOptionsFromUrl(t.config.redisUrl));
      connections.push(redis);
      const limiter = new ClientBotSendLimiter(redis, new RedisKeys(`${prefix}-pause`));
      expect(await limiter.acquireMany(1000, 1, () => false)).toBe(1);
      await limiter.pause(1);
      const before = Date.now();
      expect(await limiter.acquireMany(1000, 50, () => false)).toBeGreaterThanOrEqual(1);
      expect(Date.now() - before).toBeGreaterThanOrEqual(900);
      let stops = 0;
      await limiter.pause(1);
      expect(await limiter.acquireMany(1000, 50, () => ++stops > 1)).toBe(0);
    });
  });

  describe('claiming', () => {
    it('two workers claiming the same rows in batches at once never both get a row', async () => {
      await broadcastSettings(t, { rate: 1000, paid: true, chunkSize: 1000 });
      await manyUsers(t.dataSource, 300);
      const broadcast = await sendingBroadcast(t, auth, 'Две руки');
      expect(broadcast.userIds).toHaveLength(300);
      const ledger = t.get(DeliveryLedger);
      // Each worker walks the rows in batches of 25, from opposite ends, so their batches overlap.
      const worker = async (ids: number[]) => {
        const own: number[] = [];
        for (let i = 0; i < ids.length; i += 25)
          own.push(...(await ledger.claimMany(broadcast.id, ids.slice(i, i + 25), new Date())));
        return own;
      };
      const [a, b] = await Promise.all([worker(broadcast.userIds), worker([...broadcast.userIds].reverse())]);
      expect(a.filter((id) => b.includes(id))).toEqual([]);
      expect([...a, ...b].sort((x, y) => x - y)).toEqual(broadcast.userIds);
      const rows = [...(await deliveriesOf(t, broadcast.id)).values()];
      expect(rows.every((r) => r.status === 'sending' && r.attempts === 1)).toBe(true);
      // A cancel stops the next claim at once.
      await t.dataSource.getRepository(Broadcast).update(broadcast.id, { status: 'cancelled' });
      await t.dataSource.query("UPDATE broadcast_deliveries SET status = 'pending' WHERE broadcast_id = ?", [
        broadcast.id,
      ]);
      expect(await ledger.claimMany(broadcast.id, broadcast.userIds.slice(0, 10), new Date())).toEqual([]);
    });

    it('a worker killed mid-batch leaves at most that batch unknown and nobody gets a message twice', async () => {
      await broadcastSettings(t, { rate: 1000, paid: true, chunkSize: 1000 });
      await manyUsers(t.dataSource, 40);
      const broadcast = await sendingBroadcast(t, auth, 'После kill -9');
      const ledger = t.get(DeliveryLedger);
      const content = await t.dataSource.getRepository(Broadcast).findOneByOrFail({ id: broadcast.id });
      // The dead worker claimed a batch of 10 and had sent 6 of them when it was killed: nothing recorded.
      const batch = broadcast.userIds.slice(5, 15);
      expect(await ledger.claimMany(broadcast.id, batch, new Date())).toEqual(batch);
      const telegramIds = new Map(
        (
          (await t.dataSource.query('SELECT id, telegram_id FROM users WHERE id IN (?)', [batch])) as Array<{
            id: number;
            telegram_id: string;
          }>
        ).map((row) => [Number(row.id), Number(row.telegram_id)]),
      );
      for (const userId of batch.slice(0, 6))
        await t.get(BroadcastMessage).send(telegramIds.get(userId) as number, content, true);

      // BullMQ runs the chunk job again on another worker.
      const chunk = {
        broadcastId: broadcast.id,
        fromUserId: broadcast.userIds[0],
        toUserId: broadcast.userIds[broadcast.userIds.length - 1],
      };
      const result = await t.commands.execute(new SendBroadcastChunkCommand(chunk, true));
      expect(result).toMatchObject({ end: 'done', interrupted: 10, sent: 30 });
      const rows = await deliveriesOf(t, broadcast.id);
      for (const userId of batch)
        expect(rows.get(userId)).toMatchObject({ status: 'unknown', errorCode: 'INTERRUPTED' });
      const perChat = countBy(emulator.callsOf('sendMessage').map((c) => c.chatId));
      expect(perChat.size).toBe(36);
      expect([...perChat.values()].filter((n) => n > 1)).toEqual([]);
      expect((await broadcastIn(t, broadcast.id, ['sent'])).sentCount).toBe(30);
    });
  });
});
