import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { SYSTEM_ACTOR } from '../../src/common/audit/audit-entry';
import { JobQueue } from '../../src/infrastructure/queues/job-queue';
import { JobName, QueueName } from '../../src/infrastructure/queues/jobs';
import { shopDateOf } from '../../src/modules/gifts/domain/birthday';
import { shopTimeText } from '../../src/modules/codes/domain/shop-time-text';
import { BirthdayTick } from '../../src/modules/gifts/jobs/birthday.tick';
import { Discount } from '../../src/modules/codes/persistence/discount.entity';
import { ChangeSettingCommand } from '../../src/modules/settings/commands/change-setting.command';
import { User } from '../../src/modules/users/persistence/user.entity';
import { aUser, manyUsers } from '../support/factories';
import { TelegramEmulator } from '../support/telegram-emulator/telegram-emulator';
import { createTestApp, eventually, TestApp } from '../support/test-app';

const TZ = 'Asia/Vladivostok';
const LONG_AGO = new Date('2024-01-01T00:00:00Z');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('birthday gifts: tick at birthday.send_at (shop time) -> job -> one gift a year, greeted', () => {
  let emulator: TelegramEmulator;
  let t: TestApp;
  let CLIENT: string;
  let telegramIds = 4_400_000;

  const tick = () => t.get(BirthdayTick).enqueueIfDue();
  const maintenance = () => t.get<Queue>(getQueueToken(QueueName.Maintenance));
  const setting = (key: string, value: unknown) =>
    t.commands.execute(new ChangeSettingCommand(key, value, SYSTEM_ACTOR));
  const birthdayCodes = (userId: number) =>
    t.dataSource
      .getRepository(Discount)
      .find({ where: { userId, reason: 'birthday' }, order: { id: 'ASC' } });
  const greetingsTo = (telegramId: number) =>
    emulator.calls.filter(
      (call) =>
        call.token === CLIENT &&
        call.chatId === telegramId &&
        String(call.params.text).startsWith('С днём рождения'),
    );

  /** A client born on `birthDate` (`YYYY-MM-DD`) who saved it long ago, unless told otherwise. */
  const client = (birthDate: string, fields: Partial<User> = {}) =>
    aUser(t.dataSource, { birthDate, birthDateSetAt: LONG_AGO, telegramId: ++telegramIds, ...fields });

  /** The job's result once it has run. */
  async function finished(jobId: string): Promise<Record<string, unknown>> {
    const job = await eventually(
      async () =>
        (await (await maintenance().getJob(jobId))?.isCompleted()) ? maintenance().getJob(jobId) : null,
      10_000,
    );
    return job?.returnvalue as Record<string, unknown>;
  }

  /** Shop time `local` (`YYYY-MM-DDTHH:mm`) on the app's clock. */
  const at = (local: string) => t.clock.set(`${local}:00+10:00`);

  beforeAll(async () => {
    emulator = await TelegramEmulator.start();
    t = await createTestApp({ env: { TELEGRAM_API_ROOT: emulator.apiRoot, APP_ROLES: 'worker,scheduler' } });
    CLIENT = t.config.clientBotToken;
  });
  afterAll(async () => {
    await t.close();
    await emulator.stop();
  });

  it('runs at send_at shop time, greets the clients born today, and gives each one gift a year', async () => {
    const anya = await client('1990-03-10', { firstName: 'Аня' });
    const noYear = await client('1904-03-10', { firstName: 'Без года' });
    const fresh = await client('1985-03-10', { birthDateSetAt: new Date('2026-03-01T00:00:00Z') });
    const tester = await client('1991-03-10', { isTest: true });
    const blocked = await client('1992-03-10', { status: 'blocked' });
    const tomorrow = await client('1993-03-11');

    at('2026-03-10T08:59');
    expect(await tick()).toBeNull();

    at('2026-03-10T09:00');
    const jobId = await tick();
    expect(jobId).toBe('birthday-2026-03-10');
    expect(await tick()).toBe(jobId);

    expect(await finished('birthday-2026-03-10')).toMatchObject({
      shopDate: '2026-03-10',
      candidates: 2,
      issued: 2,
      alreadyIssued: 0,
      failed: 0,
    });
    const [gift] = await birthdayCodes(anya.id);
    expect(gift).toMatchObject({ templateId: 2, periodKey: '2026', value: 15, status: 'active' });
    expect(gift.expiresAt).toEqual(new Date('2026-03-24T09:00:00+10:00'));
    expect(await birthdayCodes(noYear.id)).toHaveLength(1);
    for (const left of [fresh, tester, blocked, tomorrow])
      expect(await birthdayCodes(left.id)).toHaveLength(0);

    const greeting = await emulator.waitFor(
      (call) => call.chatId === anya.telegramId && String(call.params.text).includes(gift.code),
    );
    expect(greeting.params.text).toBe(
      'С днём рождения, Аня! 🎉🎂\n\n«Мармеладный Дворик» дарит вам скидку <b>15\u00A0%</b>.\n' +
        `Код: <code>${gift.code}</code>\nДействует до ${shopTimeText(gift.expiresAt as Date, TZ)}.\n\n` +
        'Пусть этот год будет сладким! 🍬',
    );

    // Another run of the same day (a retry, a second worker): nobody left to celebrate.
    const again = await t
      .get(JobQueue)
      .enqueue(JobName.BirthdayGifts, { shopDate: '2026-03-10' }, { jobId: 'birthday-2026-03-10-again' });
    expect(await finished(again)).toMatchObject({ candidates: 0, issued: 0 });

    // A year later: the next year's gift.
    at('2027-03-10T12:30');
    expect(await tick()).toBe('birthday-2027-03-10');
    await finished('birthday-2027-03-10');
    expect((await birthdayCodes(anya.id)).map((code) => code.periodKey)).toEqual(['2026', '2027']);
    await eventually(() => greetingsTo(anya.telegramId as number).length === 2);
    await sleep(200);
    expect(greetingsTo(anya.telegramId as number)).toHaveLength(2);
  });

  it('celebrates 29 February on 28 February in a common year, and on the 29th in a leap year', async () => {
    const leapling = await client('2000-02-29', { firstName: 'Високосный' });
    const twentyEighth = await client('1999-02-28');

    at('2027-02-28T10:00');
    await finished((await tick()) as string);
    expect((await birthdayCodes(leapling.id)).map((code) => code.periodKey)).toEqual(['2027']);
    expect((await birthdayCodes(twentyEighth.id)).map((code) => code.periodKey)).toEqual(['2027']);

    at('2028-02-28T10:00');
    expect(await finished((await tick()) as string)).toMatchObject({ issued: 1 });
    expect(await birthdayCodes(leapling.id)).toHaveLength(1);
    expect(await birthdayCodes(twentyEighth.id)).toHaveLength(2);

    at('2028-02-29T10:00');
    expect(await tick()).toBe('birthday-2028-02-29');
    await finished('birthday-2028-02-29');
    expect((await birthdayCodes(leapling.id)).map((code) => code.periodKey)).toEqual(['2027', '2028']);
  });

  it('waits birthday.min_days_since_set days after a birth date is saved', async () => {
    at('2026-05-20T10:00');
    const now = t.clock.now().getTime();
    const day = 86_400_000;
    const recent = await client('1990-05-20', { birthDateSetAt: new Date(now - 29 * day) });
    const settled = await client('1990-05-20', { birthDateSetAt: new Date(now - 31 * day) });

    await finished((await tick()) as string);
    expect(await birthdayCodes(recent.id)).toHaveLength(0);
    expect(await birthdayCodes(settled.id)).toHaveLength(1);

    await setting('birthday.min_days_since_set', 0);
    try {
      const rerun = await t
        .get(JobQueue)
        .enqueue(JobName.BirthdayGifts, { shopDate: '2026-05-20' }, { jobId: 'birthday-2026-05-20-rerun' });
      expect(await finished(rerun)).toMatchObject({ candidates: 1, issued: 1 });
      expect(await birthdayCodes(recent.id)).toHaveLength(1);
    } finally {
      await setting('birthday.min_days_since_set', 30);
    }
  });

  it('gives nothing while birthday.template_id is null', async () => {
    const quiet = await client('1990-07-07');
    await setting('birthday.template_id', null);
    try {
      at('2026-07-07T10:00');
      expect(await finished((await tick()) as string)).toMatchObject({ enabled: false, issued: 0 });
      expect(await birthdayCodes(quiet.id)).toHaveLength(0);
    } finally {
      await setting('birthday.template_id', 2);
    }
  });

  it('gives one gift and one greeting per client when two runs of a day go at once', async () => {
    const first = telegramIds + 1;
    await manyUsers(t.dataSource, 24, (i) => ({
      telegramId: first + i,
      birthDate: '1995-06-15',
      birthDateSetAt: LONG_AGO,
    }));
    telegramIds += 24;
    at('2026-06-15T10:00');

    const jobs = t.get(JobQueue);
    const ids = await Promise.all(
      ['a', 'b'].map((run) =>
        jobs.enqueue(
          JobName.BirthdayGifts,
          { shopDate: '2026-06-15' },
          { jobId: `birthday-2026-06-15-${run}` },
        ),
      ),
    );
    const results = await Promise.all(ids.map((id) => finished(id)));

    const issued = results.reduce((sum, result) => sum + Number(result.issued), 0);
    expect(issued).toBe(24);
    const rows = (await t.dataSource.query(
      `SELECT d.user_id, COUNT(*) AS codes FROM discounts d JOIN users u ON u.id = d.user_id
        WHERE d.reason = 'birthday' AND d.period_key = '2026' AND u.birth_date = '1995-06-15'
        GROUP BY d.user_id`,
    )) as Array<{ codes: number }>;
    expect(rows).toHaveLength(24);
    expect(rows.every((row) => Number(row.codes) === 1)).toBe(true);
    await eventually(
      () => Array.from({ length: 24 }, (_, i) => greetingsTo(first + i).length).every((n) => n === 1),
      10_000,
    );
    await sleep(300);
    expect(Array.from({ length: 24 }, (_, i) => greetingsTo(first + i).length)).toEqual(Array(24).fill(1));
  });

  it('catches up at start-up when today’s run is missing and send_at has passed', async () => {
    // A second process starts on the real clock; today's run (made by the first one's start-up) is gone.
    t.clock.set('2026-01-02T06:00:00+10:00');
    const today = shopDateOf(new Date(), TZ);
    const [, month, day] = today.split('-');
    const celebrated = await client(`1990-${month}-${day}`, { firstName: 'Догоняющая' });
    await maintenance().remove(`birthday-${today}`);
    await setting('birthday.send_at', '00:00');
    let restarted: TestApp | null = null;
    try {
      restarted = await createTestApp({
        reset: false,
        env: { TELEGRAM_API_ROOT: emulator.apiRoot, APP_ROLES: 'worker,scheduler' },
      });

      expect(await finished(`birthday-${today}`)).toMatchObject({ shopDate: today, issued: 1 });
      expect(await birthdayCodes(celebrated.id)).toHaveLength(1);
      await emulator.waitFor((call) => call.chatId === celebrated.telegramId);

      // Started again the same day: the run exists, nothing more happens.
      expect(await restarted.get(BirthdayTick).enqueueIfDue()).toBe(`birthday-${today}`);
      await sleep(300);
      expect(await birthdayCodes(celebrated.id)).toHaveLength(1);
      expect(greetingsTo(celebrated.telegramId as number)).toHaveLength(1);
    } finally {
      await restarted?.close();
      await setting('birthday.send_at', '09:00');
    }
  });
});
