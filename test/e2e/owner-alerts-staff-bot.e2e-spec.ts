import { getQueueToken } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
import { DateTime } from 'luxon';
import { SYSTEM_ACTOR } from '../../src/common/audit/audit-entry';
import { JobQueue } from '../../src/infrastructure/queues/job-queue';
import { JobName, QueueName } from '../../src/infrastructure/queues/jobs';
import { CheckStuckBroadcastsCommand } from '../../src/modules/owner-alerts/commands/check-stuck-broadcasts.command';
import { SendMorningSummaryCommand } from '../../src/modules/owner-alerts/commands/send-morning-summary.command';
import {
  MorningSummaryTick,
  StuckBroadcastsTick,
} from '../../src/modules/owner-alerts/jobs/owner-alert.ticks';
import { ChangeSettingCommand } from '../../src/modules/settings/commands/change-setting.command';
import { aClientRedemption, aDiscount, aDiscountTemplate, anAdmin, aUser } from '../support/factories';
import { TelegramEmulator } from '../support/telegram-emulator/telegram-emulator';
import { createTestApp, eventually, TestApp } from '../support/test-app';

const OWNER = 5_100_001;
const SECOND_OWNER = 5_100_002;
const MARKETER = 5_100_003;
const FORMER_OWNER = 5_100_004;

describe('owner alerts through the staff bot: a digest of trouble and the morning summary', () => {
  let emulator: TelegramEmulator;
  let t: TestApp;
  let STAFF: string;

  const maintenance = () => t.get<Queue>(getQueueToken(QueueName.Maintenance));
  const setting = (key: string, value: unknown) =>
    t.commands.execute(new ChangeSettingCommand(key, value, SYSTEM_ACTOR));
  const staffTextsTo = (chatId: number) =>
    emulator.calls
      .filter((c) => c.token === STAFF && c.method === 'sendMessage' && c.chatId === chatId)
      .map((c) => c.message?.text ?? '');

  /** The completed jobs named `name`, oldest first, once `count` of them have completed. */
  async function completed(name: JobName, count: number): Promise<Job[]> {
    const jobs = await eventually(async () => {
      const jobs = (await maintenance().getJobs(['completed'])).filter((j) => j.name === name);
      return jobs.length >= count ? jobs.sort((a, b) => a.timestamp - b.timestamp) : null;
    }, 15_000);
    return jobs as Job[];
  }

  beforeAll(async () => {
    emulator = await TelegramEmulator.start();
    t = await createTestApp({
      webhooks: true,
      env: { TELEGRAM_API_ROOT: emulator.apiRoot, APP_ROLES: 'api,bots,worker' },
    });
    STAFF = t.config.staffBotToken;
    await anAdmin(t.dataSource, { role: 'owner', telegramId: OWNER, username: 'anna' });
    await anAdmin(t.dataSource, { role: 'owner', telegramId: SECOND_OWNER, username: 'boris' });
    await anAdmin(t.dataSource, { role: 'owner', username: 'unlinked' });
    await anAdmin(t.dataSource, { role: 'marketing', telegramId: MARKETER });
    await anAdmin(t.dataSource, { role: 'owner', telegramId: FORMER_OWNER, isActive: false });
    await setting('owner_alerts.digest_delay_seconds', 0);
  });
  afterAll(async () => {
    await t.close();
    await emulator.stop();
  });
  beforeEach(() => emulator.clearCalls());

  it('tells every linked owner once about a job that failed its last attempt, not about earlier attempts', async () => {
    const template = await aDiscountTemplate(t.dataSource);
    await t
      .get(JobQueue)
      .enqueue(
        JobName.BulkIssueDiscounts,
        { templateId: template.id, segmentId: 4242, batchKey: 'bulk-alert-1', adminId: null },
        { jobId: 'bulk-alert-1', attempts: 3, backoff: { type: 'fixed', delay: 10 } },
      );

    const [digest] = await completed(JobName.SendOwnerAlertDigest, 1);
    expect(digest.returnvalue).toEqual({ alerts: 1, ownersTold: 2 });
    for (const owner of [OWNER, SECOND_OWNER]) {
      const texts = staffTextsTo(owner);
      expect(texts).toHaveLength(1);
      expect(texts[0]).toContain('⚠️ Неполадки в Дворике');
      expect(texts[0]).toContain(
        '❌ Задача «массовая выдача скидок» (bulk-alert-1) не выполнена после 3 попыток:',
      );
      expect(texts[0]).toContain('GET /api/v1/jobs?status=failed');
    }
    expect(staffTextsTo(MARKETER)).toEqual([]);
    expect(staffTextsTo(FORMER_OWNER)).toEqual([]);
    expect(await maintenance().getJobState('bulk-alert-1')).toBe('failed');
  });

  it('tells the owners once about a broadcast stuck in sending, however often it is checked', async () => {
    const hourAgo = new Date(Date.now() - 3600_000);
    const stuck = (await t.dataSource.query(
      "INSERT INTO broadcasts (title, text, status, started_at) VALUES ('Новогодняя <распродажа>', 'Привет', 'sending', ?)",
      [hourAgo],
    )) as { insertId: number };
    // a broadcast still moving is not stuck
    const moving = (await t.dataSource.query(
      "INSERT INTO broadcasts (title, text, status, started_at) VALUES ('Свежая', 'Привет', 'sending', ?)",
      [hourAgo],
    )) as { insertId: number };
    const user = await aUser(t.dataSource);
    await t.dataSource.query(
      "INSERT INTO broadcast_deliveries (broadcast_id, user_id, status) VALUES (?, ?, 'pending')",
      [moving.insertId, user.id],
    );

    await t.get(StuckBroadcastsTick).enqueue();
    const [check] = await completed(JobName.CheckStuckBroadcasts, 1);
    expect(check.returnvalue).toEqual({ stuck: 1, raised: 1 });
    await emulator.waitFor((c) => c.token === STAFF && c.chatId === SECOND_OWNER);
    const [text] = staffTextsTo(OWNER);
    expect(text).toContain(
      `📨 Рассылка «Новогодняя <распродажа>» (№${stuck.insertId}) не продвигается 60 мин.`,
    );
    expect(text).not.toContain('Свежая');
    expect(text).toContain('Проверьте, что работают процессы worker');

    // checked again (the next tick): known already, no second alert and no digest
    expect(await t.commands.execute(new CheckStuckBroadcastsCommand())).toEqual({ stuck: 1, raised: 0 });
    expect(await completed(JobName.SendOwnerAlertDigest, 2)).toHaveLength(2);
    expect(staffTextsTo(OWNER)).toHaveLength(1);
    await t.dataSource.query("UPDATE broadcasts SET status = 'failed' WHERE status = 'sending'");
  });

  it("sends yesterday's registrations, codes and broadcasts in the morning, and nothing once switched off", async () => {
    const zone = 'Asia/Vladivostok';
    const yesterday = DateTime.now().setZone(zone).minus({ days: 1 });
    const noon = yesterday.set({ hour: 12, minute: 0 }).toJSDate();
    const anna = await aUser(t.dataSource, { createdAt: noon });
    await aUser(t.dataSource, { createdAt: noon });
    await aUser(t.dataSource, { createdAt: noon, isTest: true });
    const code = await aDiscount(t.dataSource, anna, { createdAt: noon });
    await aDiscount(t.dataSource, anna, { createdAt: noon });
    await aClientRedemption(t.dataSource, code, { createdAt: noon });
    await t.dataSource.query(
      "INSERT INTO broadcasts (title, text, status, started_at, finished_at) VALUES ('Вчерашняя', 'Привет', 'sent', ?, ?)",
      [noon, noon],
    );
    await setting('owner_alerts.summary_at', '00:00');

    const jobId = await t.get(MorningSummaryTick).enqueueIfDue();
    expect(jobId).toBe(`owner-alerts-summary-${yesterday.toISODate()}`);
    const [summary] = await completed(JobName.SendMorningSummary, 1);
    expect(summary.returnvalue).toEqual({ sent: true, ownersTold: 2 });
    expect(staffTextsTo(OWNER)).toEqual([
      `☀️ Доброе утро! Итоги за ${yesterday.setLocale('ru').toFormat('d MMMM yyyy')}\n\n` +
        'Новых клиентов: 2\nВыдано кодов: 2\nПогашено кодов: 1\nРассылок отправлено: 1',
    ]);
    // a second tick the same day makes no second summary
    expect(await t.get(MorningSummaryTick).enqueueIfDue()).toBe(jobId);

    await setting('owner_alerts.morning_summary', false);
    expect(await t.get(MorningSummaryTick).enqueueIfDue()).toBeNull();
    // a summary job already queued when the owner switched it off sends nothing
    expect(await t.commands.execute(new SendMorningSummaryCommand(yesterday.toISODate() as string))).toEqual({
      sent: false,
      ownersTold: 0,
    });
    expect(staffTextsTo(OWNER)).toHaveLength(1);
  });

  it('keeps the alerts when Telegram refuses every owner, and delivers them on the next attempt', async () => {
    const template = await aDiscountTemplate(t.dataSource);
    emulator.failNext('sendMessage', { errorCode: 502, description: 'Bad Gateway', count: 2 });
    await t
      .get(JobQueue)
      .enqueue(
        JobName.BulkIssueDiscounts,
        { templateId: template.id, segmentId: 4343, batchKey: 'bulk-alert-2', adminId: null },
        { jobId: 'bulk-alert-2', attempts: 1 },
      );

    const digests = await completed(JobName.SendOwnerAlertDigest, 3);
    const last = digests[digests.length - 1];
    expect(last.returnvalue).toEqual({ alerts: 1, ownersTold: 2 });
    expect(last.attemptsMade).toBe(2);
    const refused = emulator.calls.filter((c) => c.token === STAFF && c.response.status === 502);
    expect(refused).toHaveLength(2);
    for (const owner of [OWNER, SECOND_OWNER]) {
      const delivered = emulator.calls.filter(
        (c) => c.token === STAFF && c.chatId === owner && c.response.status === 200,
      );
      expect(delivered).toHaveLength(1);
      expect(delivered[0].message?.text).toContain('(bulk-alert-2) не выполнена после 1 попытки');
    }
  });
});
