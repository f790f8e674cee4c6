/*
 * Outage bench (`npm run bench:outage`): the real application (api, bots and worker roles, bots by webhook)
 * on a throwaway database, with MariaDB and Redis reached through TCP proxies of its own (the shared servers
 * are never stopped). A light load runs for OUTAGE_LOAD_SECONDS: a /start from a new client every 100 ms
 * (the Telegram emulator delivers it to the webhook), an admin list request every 500 ms, a POS check every
 * second, and a referred client's first redemption every second, alternately at the till (POS API) and by
 * an admin (admin API), each answered other than 2xx tried again every second with the same idempotency
 * key. From second 5, one dependency is cut for OUTAGE_SECONDS (20). An update answered other than 2xx is
 * delivered again every second (10 at a time), as Telegram does, until it is answered 2xx. Printed per
 * dependency: updates sent / answered 2xx at once / answered 5xx (by status and code) / redeliveries /
 * handled (the client registered) / welcomes beyond one; API answers during the cut by status and code, and
 * the slowest; the redemptions' answers by channel, and their side effects (referral rewards, notices to the
 * client) expected / done / done twice once the outbox has drained.
 *
 * Environment: BENCH_DATABASE_SERVER, BENCH_REDIS_URL as the other benches; OUTAGE_SECONDS (20),
 * OUTAGE_LOAD_SECONDS (30), OUTAGE_ONLY (MariaDB or Redis: one of them).
 */
import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { Update } from 'telegraf/types';
import { AppModule } from '../src/app/app.module';
import { configureApp } from '../src/app/configure-app';
import { loadConfig } from '../src/config/load-config';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { SYSTEM_ACTOR } from '../src/common/audit/audit-entry';
import { QueueName } from '../src/infrastructure/queues/jobs';
import { ChangeSettingCommand } from '../src/modules/settings/commands/change-setting.command';
import { CommandBus } from '@nestjs/cqrs';
import { AccessTokens } from '../src/modules/auth/tokens/access-tokens';
import { aDiscount, aDiscountTemplate, aUser } from '../test/support/factories';
import { anAdmin } from '../test/support/factories';
import { freePort } from '../test/support/free-port';
import { TcpProxy } from '../test/support/tcp-proxy';
import { TelegramEmulator } from '../test/support/telegram-emulator/telegram-emulator';
import * as harness from './support/harness';

const OUTAGE_MS = Number(process.env.OUTAGE_SECONDS ?? 20) * 1000;
const LOAD_MS = Number(process.env.OUTAGE_LOAD_SECONDS ?? 30) * 1000;
const CUT_AT_MS = 5_000;
const CLIENT_TOKEN = '111111:bench-client-bot-token';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Dependency = 'MariaDB' | 'Redis';

class Tally {
  private readonly counts = new Map<string, number>();
  add(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  toString(): string {
    return [...this.counts].map(([key, n]) => `${key}×${n}`).join(' ') || '-';
  }
}

const answerKey = (status: number, body: string) => {
  try {
    return `${status} ${(JSON.parse(body) as { error?: { code?: string } }).error?.code ?? ''}`.trim();
  } catch {
    return String(status);
  }
};

async function run(dependency: Dependency): Promise<void> {
  const database = harness.benchDatabase();
  await harness.createBenchDatabase(database);
  const mariadb = new URL(database.server);
  const redisUrl = new URL(harness.REDIS_URL);
  const proxies = {
    MariaDB: await TcpProxy.start({ host: mariadb.hostname, port: Number(mariadb.port || 3306) }),
    Redis: await TcpProxy.start({ host: redisUrl.hostname, port: Number(redisUrl.port || 6379) }),
  };
  const emulator = await TelegramEmulator.start();
  const port = await freePort();
  let app: INestApplication | null = null;
  try {
    const env = harness.benchEnv(database, {
      DATABASE_URL: proxies.MariaDB.rewrite(database.url),
      REDIS_URL: proxies.Redis.rewrite(harness.REDIS_URL),
      APP_ROLES: 'api,bots,worker',
      TELEGRAM_API_ROOT: emulator.apiRoot,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    });
    app = await NestFactory.create(AppModule.forRoot(loadConfig(env)), { logger: false });
    configureApp(app);
    await app.listen(port, '127.0.0.1');
    const base = `http://127.0.0.1:${port}`;
    while (emulator.callsOf('setWebhook').length < 2) await sleep(50);
    const token = await harness.benchAdminToken(app);
    const dataSource = app.get(DataSource);
    const { code } = await aDiscount(dataSource, await aUser(dataSource));
    // Referred clients, each with a first code for the till; the referral reward switched on.
    const commands = app.get(CommandBus);
    const rewardTemplate = await aDiscountTemplate(dataSource, { name: 'За друга' });
    await commands.execute(new ChangeSettingCommand('referral.template_id', rewardTemplate.id, SYSTEM_ACTOR));
    await commands.execute(new ChangeSettingCommand('pos.checks_per_minute', 10_000, SYSTEM_ACTOR));
    const sales: Array<{ friendId: number; inviterId: number; telegramId: number; code: string }> = [];
    for (let i = 0; i < LOAD_MS / 1000 + 1; i++) {
      const inviter = await aUser(dataSource, { telegramId: 700_000 + i });
      const friend = await aUser(dataSource, { telegramId: 710_000 + i, referredByUserId: inviter.id });
      const friendCode = (await aDiscount(dataSource, friend)).code;
      sales.push({ friendId: friend.id, inviterId: inviter.id, telegramId: 710_000 + i, code: friendCode });
    }
    const redeemed: typeof sales = [];
    // An admin who may redeem (the bench's own token is readonly).
    const seller = await anAdmin(dataSource, { role: 'marketing', username: 'bench-seller' });
    const sellerToken = app.get(AccessTokens).sign(seller.id, seller.role).accessToken;
    const tillAnswers = new Tally();

    const updates = new Tally();
    const api = new Tally();
    const clients: number[] = [];
    const pending = new Map<number, Update>();
    let redeliveries = 0;
    let slowestDuringCutMs = 0;
    const cut = () => proxies[dependency].isCut;

    let restoredAt = 0;
    let firstOkAfterCut = 0;
    let lastPendingClearedAt = 0;
    const record = (update: Update, status: number | null, body: string, first: boolean) => {
      const ok = status !== null && status >= 200 && status < 300;
      if (ok && restoredAt && !firstOkAfterCut) firstOkAfterCut = Date.now();
      if (ok && pending.has(update.update_id) && pending.size === 1 && restoredAt)
        lastPendingClearedAt = Date.now();
      if (first) updates.add(ok ? '2xx at once' : answerKey(status ?? 0, body));
      if (ok) pending.delete(update.update_id);
      else pending.set(update.update_id, update);
    };
    const deliverAgain = async (update: Update) => {
      const result = await emulator.deliverUpdate(CLIENT_TOKEN, update);
      record(update, result.status, result.body, false);
    };
    const call = async (path: string, init: RequestInit) => {
      const during = cut();
      const started = performance.now();
      const response = await fetch(`${base}${path}`, init);
      const took = performance.now() - started;
      if (during) {
        slowestDuringCutMs = Math.max(slowestDuringCutMs, took);
        api.add(`${path.split('/')[1]} ${answerKey(response.status, await response.text())}`);
      }
    };

    const began = Date.now();
    const loops: Array<Promise<void>> = [];
    const every = (ms: number, work: () => Promise<void>) =>
      loops.push(
        (async () => {
          while (Date.now() - began < LOAD_MS) {
            await work().catch((error: unknown) => console.error(error));
            await sleep(ms);
          }
        })(),
      );
    let nextClient = 800_000;
    every(100, async () => {
      const id = ++nextClient;
      clients.push(id);
      const result = await emulator.sendText(CLIENT_TOKEN, { id, first_name: 'Гость' }, '/start');
      record(result.update, result.status, result.body, true);
    });
    every(500, () => call('/api/v1/users?limit=5', { headers: { Authorization: `Bearer ${token}` } }));
    every(1000, () =>
      call('/internal/v1/discounts/validate', {
        method: 'POST',
        headers: { 'X-API-Key': harness.BENCH_POS_KEY, 'Content-Type': 'application/json' },
        body: JSON.stringify({ code }),
      }),
    );
    // Sales: a referred client's first redemption every second, alternately at the till (POS API, whose
    // limits need Redis) and by an admin (admin API: the database only), retried with its key until 2xx.
    let nextSale = 0;
    const tills: Array<Promise<void>> = [];
    every(1000, async () => {
      const sale = sales[nextSale++];
      if (!sale) return;
      const pos = nextSale % 2 === 1;
      const channel = pos ? 'pos' : 'admin';
      tills.push(
        (async () => {
          for (let first = true; ; first = false) {
            const response = await fetch(
              pos ? `${base}/internal/v1/discounts/redeem` : `${base}/api/v1/discounts/${sale.code}/redeem`,
              {
                method: 'POST',
                headers: {
                  ...(pos
                    ? { 'X-API-Key': harness.BENCH_POS_KEY }
                    : { Authorization: `Bearer ${sellerToken}` }),
                  'Content-Type': 'application/json',
                },
                body: JSON.stringify({
                  ...(pos ? { code: sale.code, terminalId: 'till-1' } : {}),
                  idempotencyKey: `sale-${sale.code}`,
                }),
              },
            ).catch(() => null);
            const status = response?.status ?? 0;
            const body = response ? await response.text() : '';
            if (first || status === 200)
              tillAnswers.add(`${channel} ${first ? 'first' : 'retried'} ${answerKey(status, body)}`);
            if (status === 200) {
              redeemed.push(sale);
              return;
            }
            if (Date.now() - began > LOAD_MS + 120_000) return;
            await sleep(1000);
          }
        })(),
      );
    });
    // Telegram: whatever was not answered 2xx comes again, every second, until it is.
    const telegram = (async () => {
      while (Date.now() - began < LOAD_MS || pending.size > 0) {
        await sleep(1000);
        // Telegram keeps up to max_connections (40 by default) webhook calls open; 10 here.
        const due = [...pending.values()];
        for (let i = 0; i < due.length; i += 10) {
          redeliveries += due.slice(i, i + 10).length;
          await Promise.all(due.slice(i, i + 10).map(deliverAgain));
        }
        if (Date.now() - began > LOAD_MS + 120_000) break;
      }
    })();
    await sleep(CUT_AT_MS);
    proxies[dependency].cut();
    await sleep(OUTAGE_MS);
    proxies[dependency].restore();
    restoredAt = Date.now();
    const after = (at: number) => (at ? `${((at - restoredAt) / 1000).toFixed(1)} s` : 'never');
    await Promise.all(loops);
    await telegram;
    await Promise.all(tills);
    // The side effects: the outbox drained, then the notices' queue.
    const drainStarted = Date.now();
    const pendingDeliveries = async () =>
      Number(
        (
          (await dataSource.query(
            "SELECT COUNT(*) AS n FROM outbox_deliveries WHERE status = 'pending'",
          )) as Array<{
            n: number;
          }>
        )[0].n,
      );
    while ((await pendingDeliveries()) > 0 && Date.now() - drainStarted < 180_000) await sleep(250);
    const notifications = app.get<Queue>(getQueueToken(QueueName.Notifications), { strict: false });
    for (;;) {
      const counts = await notifications.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      if (Object.values(counts).every((n) => n === 0) || Date.now() - drainStarted > 180_000) break;
      await sleep(250);
    }
    const drainedAfter = after(Date.now());

    const rows = (await dataSource.query(
      `SELECT telegram_id AS id, COUNT(*) AS n FROM users WHERE telegram_id IN (${clients.join(',')}) GROUP BY telegram_id`,
    )) as Array<{ id: number; n: number }>;
    const welcomes = clients.map(
      (id) => emulator.messagesTo(id, CLIENT_TOKEN).filter((m) => /^Здравствуйте/.test(m.text ?? '')).length,
    );
    console.log(`\n${dependency} cut for ${OUTAGE_MS / 1000} s under load:`);
    console.log(`  updates sent: ${clients.length}; first answers: ${updates}`);
    console.log(`  redeliveries until answered 2xx: ${redeliveries}; unanswered at the end: ${pending.size}`);
    console.log(
      `  handled: ${rows.length} of ${clients.length} clients registered (${rows.filter((r) => Number(r.n) > 1).length} twice); ` +
        `welcomes: ${welcomes.filter((n) => n === 1).length} once, ${welcomes.filter((n) => n > 1).length} more than once, ${welcomes.filter((n) => n === 0).length} none`,
    );
    console.log(`  API answers during the cut: ${api}; slowest ${slowestDuringCutMs.toFixed(0)} ms`);
    console.log(
      `  after the cut: first update answered 2xx ${after(firstOkAfterCut)}, the last one held back ${after(lastPendingClearedAt)}`,
    );
    const rewards = redeemed.length
      ? ((await dataSource.query(
          `SELECT user_id AS id, COUNT(*) AS n FROM discounts WHERE reason = 'referral'
            AND user_id IN (${redeemed.flatMap((sale) => [sale.friendId, sale.inviterId]).join(',')}) GROUP BY user_id`,
        )) as Array<{ id: number; n: number | string }>)
      : [];
    // Each redeeming client hears twice: the redemption, and their own referral code.
    const noticesTo = redeemed.map((sale) => emulator.messagesTo(sale.telegramId, CLIENT_TOKEN).length);
    const deliveries = (await dataSource.query(
      'SELECT status, COUNT(*) AS n FROM outbox_deliveries GROUP BY status',
    )) as Array<{ status: string; n: number | string }>;
    console.log(
      `  sales: ${Math.min(nextSale, sales.length)}, ${redeemed.length} redeemed; answers: ${tillAnswers}`,
    );
    console.log(
      `  side effects (drained ${drainedAfter} after the cut): referral rewards expected ${redeemed.length * 2}, ` +
        `given ${rewards.length} (${rewards.filter((r) => Number(r.n) > 1).length} twice); notices to the clients ` +
        `expected ${redeemed.length * 2}, sent ${noticesTo.reduce((a, b) => a + Math.min(b, 2), 0)} ` +
        `(${noticesTo.filter((n) => n > 2).length} clients told more than twice); outbox deliveries: ` +
        deliveries.map((d) => `${d.status}×${d.n}`).join(' '),
    );
  } finally {
    if (app) await app.close();
    await emulator.stop();
    await proxies.MariaDB.stop();
    await proxies.Redis.stop();
    await harness.cleanUp(database);
  }
}

harness.runBench(async () => {
  const only = process.env.OUTAGE_ONLY as Dependency | undefined;
  for (const dependency of ['MariaDB', 'Redis'] as const)
    if (!only || only === dependency) await run(dependency);
});
