import { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import { DomainError } from '../../src/common/errors/domain-error';
import { ErrorCode } from '../../src/common/errors/error-code';
import { ERROR_TEXTS_RU } from '../../src/common/errors/error-texts.ru';
import { Metrics } from '../../src/infrastructure/metrics/metrics';
import { RedisKeys } from '../../src/infrastructure/redis/redis-keys';
import { botErrorHandler, TRY_LATER_TEXT } from '../../src/infrastructure/telegram/bot-error-handler';
import { FailedUpdates } from '../../src/infrastructure/telegram/failed-updates';
import { reliableUpdates } from '../../src/infrastructure/telegram/reliable-updates.middleware';
import { UpdateLedger } from '../../src/infrastructure/telegram/update-ledger';
import { TelegramEmulator } from '../support/telegram-emulator/telegram-emulator';
import type { FakeUser } from '../support/telegram-emulator/types';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The update pipeline of both bots (reliableUpdates first, botErrorHandler last) on a bot whose handler the
 * test scripts, against the real Redis, database and the emulator: what is handled, retried or recorded.
 */
describe('the Telegram update pipeline', () => {
  let emulator: TelegramEmulator;
  let t: TestApp;
  let bot: Telegraf;
  const TOKEN = '333333:pipeline-bot-token-for-tests';
  /** What the handler does for an update, by update_id; and how often it ran for each. */
  const script = new Map<number, () => Promise<void>>();
  const runs = new Map<number, number>();
  let nextUser = 9500;

  /** An update from a new person, known to the emulator (so the bot can answer them). */
  async function anUpdate(behaviour: () => Promise<void> = async () => undefined): Promise<Update> {
    const who: FakeUser = { id: ++nextUser, first_name: 'Тест' };
    const { update } = await emulator.sendText(TOKEN, who, 'привет');
    script.set(update.update_id, behaviour);
    return update;
  }
  const textsTo = (update: Update) =>
    emulator.messagesTo((update as Update.MessageUpdate).message.chat.id, TOKEN).map((m) => m.text);
  const failedRows = (update: Update) =>
    t.dataSource.query('SELECT bot, error, failures FROM telegram_failed_updates WHERE update_id = ?', [
      update.update_id,
    ]) as Promise<Array<{ bot: string; error: string; failures: number }>>;

  beforeAll(async () => {
    emulator = await TelegramEmulator.start();
    t = await createTestApp({ env: { APP_ROLES: 'api', TELEGRAM_API_ROOT: emulator.apiRoot } });
    bot = new Telegraf(TOKEN, { telegram: { apiRoot: emulator.apiRoot } });
    bot.botInfo = await bot.telegram.getMe();
    bot.catch(botErrorHandler('client'));
    const ledger = new UpdateLedger(t.redis, t.get(RedisKeys));
    bot.use(
      reliableUpdates('client', ledger, new FailedUpdates(t.dataSource), t.get(Metrics), () => new Date()),
    );
    bot.use(async (ctx) => {
      runs.set(ctx.update.update_id, (runs.get(ctx.update.update_id) ?? 0) + 1);
      await script.get(ctx.update.update_id)?.();
      await ctx.reply('готово');
    });
  });
  afterAll(async () => {
    await t.close();
    await emulator.stop();
  });

  it('handles an update once: a repeat of a handled update is dropped', async () => {
    const update = await anUpdate();
    await bot.handleUpdate(update);
    await bot.handleUpdate(update);
    expect(runs.get(update.update_id)).toBe(1);
    expect(textsTo(update)).toEqual(['готово']);
  });

  it('records a bug in telegram_failed_updates, apologises, and lets the next updates through', async () => {
    const broken = await anUpdate(async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'id')");
    });
    const next = await anUpdate();

    await bot.handleUpdate(broken); // resolves: the webhook answers 200, Telegram does not insist
    await bot.handleUpdate(next);
    await bot.handleUpdate(broken);

    expect(runs.get(broken.update_id)).toBe(1);
    expect(textsTo(broken)).toEqual([ERROR_TEXTS_RU[ErrorCode.INTERNAL_ERROR]]);
    expect(await failedRows(broken)).toEqual([
      { bot: 'client', error: expect.stringContaining('TypeError: Cannot read properties'), failures: 1 },
    ]);
    expect(textsTo(next)).toEqual(['готово']);
  });

  it('leaves an update that met an outage for the next delivery, which handles it; asks to wait once', async () => {
    let outage = true;
    const update = await anUpdate(async () => {
      if (outage)
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' });
    });

    for (let i = 0; i < 3; i++) {
      await expect(bot.handleUpdate(update)).rejects.toMatchObject({ code: ErrorCode.SERVICE_UNAVAILABLE });
    }
    outage = false;
    await bot.handleUpdate(update);
    await bot.handleUpdate(update);

    expect(runs.get(update.update_id)).toBe(4);
    expect(textsTo(update)).toEqual([TRY_LATER_TEXT, 'готово']);
    expect(await failedRows(update)).toEqual([]);
  });

  it('does not take a business refusal for an outage: handled, the person told why', async () => {
    const update = await anUpdate(async () => {
      throw new DomainError(ErrorCode.CODE_ALREADY_USED, 'used');
    });
    await bot.handleUpdate(update);
    await bot.handleUpdate(update);
    expect(runs.get(update.update_id)).toBe(1);
    expect(textsTo(update)).toEqual([ERROR_TEXTS_RU[ErrorCode.CODE_ALREADY_USED]]);
  });

  it('answers a delivery of an update still being handled elsewhere with 503, silently', async () => {
    let finish: () => void = () => undefined;
    const update = await anUpdate(() => new Promise<void>((resolve) => (finish = resolve)));

    const first = bot.handleUpdate(update);
    while (!runs.get(update.update_id)) await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(bot.handleUpdate(update)).rejects.toMatchObject({ code: ErrorCode.SERVICE_UNAVAILABLE });
    finish();
    await first;

    expect(runs.get(update.update_id)).toBe(1);
    expect(textsTo(update)).toEqual(['готово']);
  });
});
