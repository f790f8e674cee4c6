import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/common/audit/audit-entry';
import { QueueName } from '../../src/infrastructure/queues/jobs';
import { Discount } from '../../src/modules/codes/persistence/discount.entity';
import { ChangeSettingCommand } from '../../src/modules/settings/commands/change-setting.command';
import { User } from '../../src/modules/users/persistence/user.entity';
import { loginAs } from '../support/auth';
import { aDiscount, aDiscountTemplate, aUser } from '../support/factories';
import { freePort } from '../support/free-port';
import { TcpProxy } from '../support/tcp-proxy';
import { TelegramEmulator } from '../support/telegram-emulator/telegram-emulator';
import { createTestApp, eventually, TestApp } from '../support/test-app';
import { testEnv } from '../support/test-env';

/*
 * Side effects of a fact (the referral rewards and the notices of a redemption) survive an outage and a
 * crash: they are outbox deliveries written with the redemption, run by the worker until done, once.
 */
const CUT_MS = 10_000;
const POS_KEY = { 'X-API-Key': 'pos-test-key-0123456789abcdef' };
const ROOT = join(__dirname, '../..');
jest.setTimeout(180_000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let nextTelegramId = 9300;

interface Referral {
  inviter: User;
  friend: User;
  code: string;
}

/** An inviter, the friend they invited, and the friend's first code; referral.template_id set. */
async function aReferral(t: TestApp): Promise<Referral> {
  const template = await aDiscountTemplate(t.dataSource, { name: `За друга ${nextTelegramId}` });
  await t.commands.execute(new ChangeSettingCommand('referral.template_id', template.id, SYSTEM_ACTOR));
  const inviter = await aUser(t.dataSource, { telegramId: ++nextTelegramId });
  const friend = await aUser(t.dataSource, { telegramId: ++nextTelegramId, referredByUserId: inviter.id });
  return { inviter, friend, code: (await aDiscount(t.dataSource, friend)).code };
}

const referralCodes = (t: TestApp, user: User) =>
  t.dataSource.getRepository(Discount).countBy({ userId: user.id, reason: 'referral' });

/** The deliveries of the redemption's fact: consumer → status. */
async function deliveriesOfRedemption(t: TestApp, code: string): Promise<Record<string, string>> {
  const rows = (await t.dataSource.query(
    `SELECT d.consumer, d.status, d.attempts FROM outbox_deliveries d
       JOIN outbox_events e ON e.event_id = d.event_id
      WHERE e.type = 'discount.redeemed' AND JSON_VALUE(e.payload, '$.redeemed.code') = ?`,
    [code],
  )) as Array<{ consumer: string; status: string; attempts: number }>;
  return Object.fromEntries(rows.map((row) => [row.consumer, row.status]));
}

const ALL_DONE = { 'gifts.referral-reward': 'done', 'notices.client-notice': 'done' };

describe('side effects of a redemption', () => {
  let emulator: TelegramEmulator;

  beforeAll(async () => {
    emulator = await TelegramEmulator.start();
  });
  afterAll(() => emulator.stop());

  describe('during a 10 s Redis outage', () => {
    let redis: TcpProxy;
    let t: TestApp;

    beforeAll(async () => {
      redis = await TcpProxy.start({ host: '127.0.0.1', port: 6379 });
      const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
      t = await createTestApp({
        env: {
          TELEGRAM_API_ROOT: emulator.apiRoot,
          APP_ROLES: 'api,worker',
          REDIS_URL: redis.rewrite(redisUrl),
        },
      });
    });
    afterAll(async () => {
      redis.restore();
      await t.close();
      await redis.stop();
    });

    it('gives a referred client’s rewards once the cut ends, exactly once', async () => {
      const { inviter, friend, code } = await aReferral(t);
      const { auth } = await loginAs(t, 'owner');

      redis.cut();
      // The admin API's redemption needs only the database: it succeeds during the cut.
      const redeemed = await request(t.url).post(`/api/v1/discounts/${code}/redeem`).set(auth).send({});
      expect(redeemed.status).toBe(200);
      // Meanwhile the rewards cannot be given (the settings and the queue live in Redis): they wait.
      expect(await deliveriesOfRedemption(t, code)).toEqual({
        'gifts.referral-reward': 'pending',
        'notices.client-notice': 'pending',
      });
      await sleep(Math.max(0, CUT_MS - redis.cutFor));
      expect(await referralCodes(t, friend)).toBe(0);
      redis.restore();

      await eventually(async () => (await referralCodes(t, inviter)) > 0, 60_000, 250);
      await eventually(
        async () => JSON.stringify(await deliveriesOfRedemption(t, code)) === JSON.stringify(ALL_DONE),
        60_000,
        250,
      );
      await t.settled();
      expect([await referralCodes(t, friend), await referralCodes(t, inviter)]).toEqual([1, 1]);
      const failures = (await t.dataSource.query(
        `SELECT MAX(attempts) AS attempts, MAX(outages) AS outages FROM outbox_deliveries WHERE consumer = 'gifts.referral-reward'`,
      )) as Array<{ attempts: number; outages: number }>;
      // Retried (it failed during the cut, an outage that does not use up its attempts), and done.
      expect(failures[0].outages).toBeGreaterThan(0);
      expect(failures[0].attempts).toBe(1);
      // The redemption's notice reached the friend once.
      await eventually(() => emulator.sentTo(friend.telegramId as number).length >= 2, 30_000, 100);
      await t.settled();
      const redeemedNotices = emulator
        .sentTo(friend.telegramId as number)
        .filter((call) => String(call.params.text).includes(code));
      expect(redeemedNotices).toHaveLength(1);
    });
  });

  describe('when the worker is killed (SIGKILL) between the commit and the side effects', () => {
    let t: TestApp;
    let redis: TcpProxy;
    const workers: ChildProcess[] = [];

    beforeAll(async () => {
      // The till's API in this process; the worker (the outbox's dispatcher) a process of its own.
      t = await createTestApp({ env: { TELEGRAM_API_ROOT: emulator.apiRoot, APP_ROLES: 'api' } });
      redis = await TcpProxy.start({ host: '127.0.0.1', port: 6379 });
    });
    afterAll(async () => {
      for (const worker of workers) if (worker.exitCode === null) worker.kill('SIGKILL');
      redis.restore();
      await t.close();
      await redis.stop();
    });

    /** `node -r ts-node/register/transpile-only src/main.ts` with APP_ROLES=worker, once healthy. */
    async function startWorker(): Promise<ChildProcess> {
      const port = await freePort();
      const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
      const env = testEnv({
        APP_ROLES: 'worker',
        PORT: String(port),
        TELEGRAM_API_ROOT: emulator.apiRoot,
        REDIS_URL: redis.rewrite(redisUrl),
      });
      const child = spawn(
        process.execPath,
        ['-r', require.resolve('ts-node/register/transpile-only'), join(ROOT, 'src/main.ts')],
        {
          cwd: ROOT,
          env: { PATH: process.env.PATH, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), ...env },
          stdio: 'ignore',
        },
      );
      workers.push(child);
      await eventually(
        async () => {
          if (child.exitCode !== null) throw new Error(`the worker exited with ${child.exitCode}`);
          return (await fetch(`http://127.0.0.1:${port}/health`).catch(() => null))?.ok;
        },
        120_000,
        250,
      );
      return child;
    }

    it('gives the side effects after the restart, once', async () => {
      const { inviter, friend, code } = await aReferral(t);
      const first = await startWorker();
      // The worker reaches Redis no more: it claims the deliveries, and cannot finish them.
      redis.cut();
      const redeemed = await request(t.url)
        .post('/internal/v1/discounts/redeem')
        .set(POS_KEY)
        .send({ code, terminalId: 'till-1', idempotencyKey: `kill-${code}` });
      expect(redeemed.status).toBe(200);
      // Claimed by the worker (its lease on the rows, or an attempt counted): it is working on them.
      await eventually(async () => {
        const [row] = (await t.dataSource.query(
          `SELECT COUNT(*) AS n FROM outbox_deliveries WHERE status = 'pending' AND (lease IS NOT NULL OR attempts > 0 OR outages > 0)`,
        )) as Array<{ n: number | string }>;
        return Number(row.n) === 2;
      }, 15_000);
      first.kill('SIGKILL');
      await new Promise((resolve) => first.once('exit', resolve));
      expect(await referralCodes(t, friend)).toBe(0);
      redis.restore();

      await startWorker();
      await eventually(
        async () => JSON.stringify(await deliveriesOfRedemption(t, code)) === JSON.stringify(ALL_DONE),
        60_000,
        250,
      );
      expect([await referralCodes(t, friend), await referralCodes(t, inviter)]).toEqual([1, 1]);
      // The notices (the redemption to the friend; each referral code to its owner) sent once each.
      const notifications = t.get<Queue>(getQueueToken(QueueName.Notifications));
      await eventually(async () => {
        const counts = await notifications.getJobCounts('waiting', 'active', 'delayed');
        return (
          Object.values(counts).every((n) => n === 0) &&
          emulator.sentTo(inviter.telegramId as number).length > 0
        );
      }, 30_000);
      expect(
        emulator.sentTo(friend.telegramId as number).filter((c) => String(c.params.text).includes(code)),
      ).toHaveLength(1);
      expect(emulator.sentTo(inviter.telegramId as number)).toHaveLength(1);
      expect(emulator.sentTo(friend.telegramId as number)).toHaveLength(2);
    });
  });
});
