import request from 'supertest';
import { ErrorCode } from '../../src/common/errors/error-code';
import { ERROR_TEXTS_RU } from '../../src/common/errors/error-texts.ru';
import { shopTimeText } from '../../src/modules/codes/domain/shop-time-text';
import { DiscountUsageLog } from '../../src/modules/codes/persistence/discount-usage-log.entity';
import { Discount } from '../../src/modules/codes/persistence/discount.entity';
import { ChangeSettingCommand } from '../../src/modules/settings/commands/change-setting.command';
import { User } from '../../src/modules/users/persistence/user.entity';
import { aCashier, aDiscount, aUser } from '../support/factories';
import { signInitData, tma } from '../support/init-data';
import { TelegramEmulator } from '../support/telegram-emulator/telegram-emulator';
import type { FakeUser } from '../support/telegram-emulator/types';
import { createTestApp, eventually, TestApp } from '../support/test-app';

const TZ = 'Asia/Vladivostok';

/** The Mini Apps' API (/webapp/v1): initData authentication, the client's card and the cashier's scanner. */
describe('Mini Apps API: initData, the client card and the cashier scanner', () => {
  let emulator: TelegramEmulator;
  let t: TestApp;
  let CLIENT: string;
  let STAFF: string;
  let nextTelegramId = 8100;

  const asClient = (telegramId: number, options?: Parameters<typeof signInitData>[2]) =>
    tma(signInitData(CLIENT, { id: telegramId, first_name: 'Анна' }, options));
  const asCashier = (telegramId: number) => tma(signInitData(STAFF, { id: telegramId, first_name: 'Мария' }));
  const card = (headers: Record<string, string>) => request(t.url).get('/webapp/v1/card').set(headers);
  const reload = (id: number) => t.dataSource.getRepository(Discount).findOneByOrFail({ id });

  async function client(fields: Partial<User> = {}) {
    return aUser(t.dataSource, { telegramId: ++nextTelegramId, firstName: 'Анна', ...fields });
  }
  async function cashier(status: 'pending' | 'approved' | 'rejected' | 'revoked' = 'approved') {
    const telegramId = ++nextTelegramId;
    const row = await aCashier(t.dataSource, { telegramId, status, fullName: 'Кассирова Мария' });
    return { row, telegramId, who: { id: telegramId, first_name: 'Мария' } as FakeUser };
  }

  beforeAll(async () => {
    emulator = await TelegramEmulator.start();
    t = await createTestApp({
      webhooks: true,
      env: { TELEGRAM_API_ROOT: emulator.apiRoot, APP_ROLES: 'api,bots,worker' },
    });
    CLIENT = t.config.clientBotToken;
    STAFF = t.config.staffBotToken;
  });
  afterAll(async () => {
    await t.close();
    await emulator.stop();
  });

  describe('initData', () => {
    it('signed by the client bot: the client gets their usable codes, newest first, with a QR each', async () => {
      const user = await client({ referralCode: 'ANNA42' });
      const older = await aDiscount(t.dataSource, user, {
        code: 'OLD22345',
        createdAt: new Date(Date.now() - 86_400_000),
      });
      const newer = await aDiscount(t.dataSource, user, {
        code: 'NEW22345',
        expiresAt: new Date(Date.now() + 7 * 86_400_000),
      });
      await aDiscount(t.dataSource, user, { code: 'USED2345', status: 'used' });

      const response = await card(asClient(user.telegramId as number)).expect(200);

      expect(response.body).toMatchObject({
        firstName: 'Анна',
        birthDate: null,
        isSubscribed: false,
        channelUrl: 'https://t.me/marmeladny_dvorik',
        referralLink: expect.stringMatching(/^https:\/\/t\.me\/\w+\?start=ref_ANNA42$/),
      });
      expect(response.body.codes.map((c: { code: string }) => c.code)).toEqual([newer.code, older.code]);
      expect(response.body.codes[0]).toMatchObject({
        valueText: '10\u00A0%',
        expiresText: shopTimeText(newer.expiresAt as Date, TZ),
        qrSvg: expect.stringMatching(/^<svg[\s\S]*<\/svg>\s*$/),
      });
      expect(response.body.codes[1].expiresText).toBe('отмены');
    });

    it('refuses a tampered hash, the other bot, stale data, missing fields and no initData, with their codes', async () => {
      const user = await client();
      const id = user.telegramId as number;
      const good = signInitData(CLIENT, { id });
      const refused = async (headers: Record<string, string>, status: number, code: string) => {
        const response = await card(headers);
        expect({ status: response.status, code: response.body.error?.code }).toEqual({ status, code });
        // The page shows the server's Russian sentence for the code, the bots' one.
        expect(response.body.error.details.text).toBe(ERROR_TEXTS_RU[code as ErrorCode]);
      };

      const tampered = good.replace(/hash=([0-9a-f])/, (_m, c: string) => `hash=${c === 'a' ? 'b' : 'a'}`);
      await refused(tma(tampered), 401, 'MINI_APP_AUTH_INVALID');
      // Another user's id under this user's signature.
      await refused(
        tma(good.replace(`%22id%22%3A${id}`, `%22id%22%3A${id + 1}`)),
        401,
        'MINI_APP_AUTH_INVALID',
      );
      await refused(tma(signInitData(STAFF, { id })), 401, 'MINI_APP_WRONG_BOT');
      await refused(tma(signInitData('42:not-our-bot', { id })), 401, 'MINI_APP_AUTH_INVALID');
      const hourAgo = Math.floor(Date.now() / 1000) - 3601;
      await refused(asClient(id, { authDate: hourAgo }), 401, 'MINI_APP_AUTH_EXPIRED');
      await refused(tma(good.replace(/(^|&)user=[^&]*/, '')), 401, 'MINI_APP_AUTH_INVALID');
      await refused(tma(good.replace(/(^|&)hash=[^&]*/, '')), 401, 'MINI_APP_AUTH_INVALID');
      await refused({}, 401, 'MINI_APP_AUTH_MISSING');
      await refused({ Authorization: 'Bearer x' }, 401, 'MINI_APP_AUTH_MISSING');
      // The cashier's scanner refuses the client bot's data the same way.
      const scanner = await request(t.url).get('/webapp/v1/scanner').set(tma(good));
      expect(scanner.body.error.code).toBe('MINI_APP_WRONG_BOT');
    });

    it('takes the maximum age from the setting miniapp.init_data_max_age_seconds', async () => {
      const user = await client();
      const twoHoursAgo = Math.floor(Date.now() / 1000) - 7200;
      await card(asClient(user.telegramId as number, { authDate: twoHoursAgo })).expect(401);
      await t.commands.execute(
        new ChangeSettingCommand('miniapp.init_data_max_age_seconds', 3 * 3600, { type: 'system', id: null }),
      );
      try {
        await card(asClient(user.telegramId as number, { authDate: twoHoursAgo })).expect(200);
      } finally {
        await t.commands.execute(
          new ChangeSettingCommand('miniapp.init_data_max_age_seconds', 3600, { type: 'system', id: null }),
        );
      }
    });

    it('tells a stranger, a blocked and a deleted client to /start the bot', async () => {
      const stranger = await card(asClient(++nextTelegramId)).expect(403);
      expect(stranger.body.error).toMatchObject({
        code: 'CLIENT_NOT_STARTED',
        details: {
          text: 'Сначала начните чат с ботом магазина: отправьте ему /start, затем откройте карту снова.',
        },
      });
      const blocked = await client({ status: 'blocked' });
      const answer = await card(asClient(blocked.telegramId as number)).expect(403);
      expect(answer.body.error.code).toBe('CLIENT_BLOCKED_BOT');
      const deleted = await client({ status: 'deleted' });
      expect((await card(asClient(deleted.telegramId as number))).body.error.code).toBe('CLIENT_NOT_STARTED');
    });

    it('limits each Telegram user to 120 requests a minute', async () => {
      const { telegramId } = await cashier('pending');
      const other = await cashier('pending');
      const headers = asCashier(telegramId);
      for (let i = 0; i < 120; i++) await request(t.url).get('/webapp/v1/scanner').set(headers).expect(200);
      const limited = await request(t.url).get('/webapp/v1/scanner').set(headers).expect(429);
      expect(limited.body.error.code).toBe('RATE_LIMITED');
      await request(t.url).get('/webapp/v1/scanner').set(asCashier(other.telegramId)).expect(200);
    });
  });

  describe('the card', () => {
    const birthday = (headers: Record<string, string>, date: string) =>
      request(t.url).post('/webapp/v1/card/birthday').set(headers).send({ date });

    it('saves a birthday once, by the bot dialog’s rules and hints', async () => {
      const user = await client();
      const headers = asClient(user.telegramId as number);
      const refusals: [string, string, string][] = [
        ['завтра', 'format', 'Не получилось разобрать дату'],
        ['25.11.90', 'short_year', 'год полностью'],
        ['31.02.1990', 'impossible', 'Такой даты нет в календаре'],
        ['01.01.2090', 'future', 'ещё не наступила'],
        ['01.01.1800', 'age', 'опечатка'],
      ];
      for (const [typed, problem, hint] of refusals) {
        const response = await birthday(headers, typed).expect(422);
        expect(response.body.error).toMatchObject({ code: 'BIRTH_DATE_INVALID', details: { problem } });
        expect(response.body.error.details.hint).toContain(hint);
        expect(response.body.error.details.hint).not.toContain('<b>');
      }
      await birthday(headers, '').expect(422);

      const saved = await birthday(headers, '25 ноября 1990').expect(200);
      expect(saved.body).toEqual({ birthDate: '1990-11-25', text: '25 ноября 1990' });
      expect((await card(headers)).body.birthDate).toBe('1990-11-25');
      const again = await birthday(headers, '01.01.1991').expect(409);
      expect(again.body.error).toMatchObject({
        code: 'BIRTH_DATE_ALREADY_SET',
        details: { birthDate: '1990-11-25' },
      });
      const stored = await t.dataSource.getRepository(User).findOneByOrFail({ id: user.id });
      expect(stored.birthDate).toBe('1990-11-25');

      const yearless = await client();
      const noYear = await birthday(asClient(yearless.telegramId as number), '07.03').expect(200);
      expect(noYear.body).toEqual({ birthDate: '--03-07', text: '7 марта' });
    });

    it('«Я подписался» asks the channel and gives the first subscription gift once', async () => {
      const user = await client();
      const headers = asClient(user.telegramId as number);
      const check = () => request(t.url).post('/webapp/v1/card/subscription/check').set(headers);

      emulator.setChatMember('@marmeladny_dvorik', user.telegramId as number, 'left');
      expect((await check().expect(200)).body).toEqual({ subscribed: false, giftCode: null });

      emulator.setChatMember('@marmeladny_dvorik', user.telegramId as number, 'member');
      const first = await check().expect(200);
      expect(first.body).toEqual({ subscribed: true, giftCode: expect.stringMatching(/^[A-Z0-9]{8}$/) });
      expect((await check().expect(200)).body).toEqual({ subscribed: true, giftCode: null });
      const after = await card(headers).expect(200);
      expect(after.body.isSubscribed).toBe(true);
      expect(after.body.codes.map((c: { code: string }) => c.code)).toEqual([first.body.giftCode]);
    });
  });

  describe('the scanner', () => {
    const check = (headers: Record<string, string>, code: string) =>
      request(t.url).post('/webapp/v1/scanner/check').set(headers).send({ code });
    const redeem = (headers: Record<string, string>, code: string) =>
      request(t.url).post('/webapp/v1/scanner/redeem').set(headers).send({ code });

    it('shows pending, rejected and revoked cashiers and strangers only their status', async () => {
      for (const status of ['pending', 'rejected', 'revoked'] as const) {
        const { telegramId } = await cashier(status);
        const scanner = await request(t.url).get('/webapp/v1/scanner').set(asCashier(telegramId)).expect(200);
        expect(scanner.body).toEqual({ status, fullName: 'Кассирова Мария', today: [] });
        const refused = await check(asCashier(telegramId), 'K7M2QX9A').expect(403);
        expect(refused.body.error).toMatchObject({ code: 'CASHIER_NOT_APPROVED', details: { status } });
      }
      const stranger = await request(t.url).get('/webapp/v1/scanner').set(asCashier(++nextTelegramId));
      expect(stranger.body).toEqual({ status: 'none', fullName: null, today: [] });
      expect((await redeem(asCashier(nextTelegramId), 'K7M2QX9A')).body.error.code).toBe('CASHIER_NOT_FOUND');
    });

    it('checks a scanned code, redeems it, answers «уже погашен» with the time, and lists today', async () => {
      const { telegramId, row } = await cashier();
      const headers = asCashier(telegramId);
      const user = await client({ firstName: 'Вера' });
      const discount = await aDiscount(t.dataSource, user, {
        code: 'SCAN2345',
        expiresAt: new Date(Date.now() + 86_400_000),
      });

      const checked = await check(headers, ' scan-2345 ').expect(200);
      expect(checked.body).toEqual({
        code: 'SCAN2345',
        valueText: '10\u00A0%',
        description: expect.stringContaining('подписались'),
        clientFirstName: 'Вера',
        expiresText: shopTimeText(discount.expiresAt as Date, TZ),
        minPurchaseText: null,
        shared: false,
      });
      const redeemed = await redeem(headers, 'SCAN2345').expect(200);
      const after = await reload(discount.id);
      expect(after).toMatchObject({ status: 'used', redemptionCount: 1 });
      expect(redeemed.body).toMatchObject({
        code: 'SCAN2345',
        usedAtText: shopTimeText(after.usedAt as Date, TZ),
      });
      const notice = await emulator.waitFor(
        (call) => call.token === CLIENT && call.chatId === user.telegramId && call.method === 'sendMessage',
      );
      expect(notice.params.text).toContain('Код <code>SCAN2345</code> погашен');

      const again = await redeem(headers, 'SCAN2345').expect(409);
      expect(again.body.error).toMatchObject({
        code: 'CODE_ALREADY_USED',
        details: { text: `Этот код уже погашен ${shopTimeText(after.usedAt as Date, TZ)}.` },
      });
      const today = await request(t.url).get('/webapp/v1/scanner').set(headers).expect(200);
      expect(today.body).toMatchObject({ status: 'approved', today: [{ code: 'SCAN2345' }] });
      const logs = await t.dataSource.getRepository(DiscountUsageLog).findBy({ discountId: discount.id });
      expect(logs.filter((l) => l.action === 'redeemed')).toEqual([
        expect.objectContaining({ channel: 'staff_bot', cashierId: row.id }),
      ]);
    });

    it('a scanner redemption racing the staff bot’s «Погасить» on one code: exactly one wins', async () => {
      const scanning = await cashier();
      const typing = await cashier();
      const user = await client({ firstName: 'Гонка' });
      const discount = await aDiscount(t.dataSource, user, { code: 'RACE2345' });
      await emulator.sendText(STAFF, typing.who, 'RACE2345');
      expect(emulator.lastMessageTo(typing.who.id, STAFF)?.reply_markup).toBeDefined();

      const [scanner, press] = await Promise.all([
        redeem(asCashier(scanning.telegramId), 'RACE2345'),
        emulator.pressButton(STAFF, typing.who, 'redeem:RACE2345'),
      ]);

      expect(press.status).toBe(200);
      const queryId = (press.update as { callback_query: { id: string } }).callback_query.id;
      const botAnswer = emulator
        .callsOf('answerCallbackQuery')
        .find((call) => call.params.callback_query_id === queryId)?.params.text;
      const after = await reload(discount.id);
      const winners = [scanner.status === 200, botAnswer === 'Погашено ✅'].filter(Boolean);
      expect(winners).toHaveLength(1);
      if (scanner.status !== 200) expect(scanner.body.error.code).toBe('CODE_ALREADY_USED');
      else expect(botAnswer).toBe(`Этот код уже погашен ${shopTimeText(after.usedAt as Date, TZ)}.`);
      expect(after).toMatchObject({ status: 'used', redemptionCount: 1 });
      const redemptions = await t.dataSource
        .getRepository(DiscountUsageLog)
        .findBy({ discountId: discount.id, action: 'redeemed' });
      expect(redemptions).toHaveLength(1);
    });

    it('pauses a cashier after more than 10 failed checks a minute, counting the bot and the scanner together', async () => {
      const { telegramId, who } = await cashier();
      const headers = asCashier(telegramId);
      const user = await client();
      await aDiscount(t.dataSource, user, { code: 'REAL6789' });
      for (let i = 0; i < 5; i++) {
        await emulator.sendText(STAFF, who, `BAD${i}2ZZZ`);
        expect(emulator.lastMessageTo(who.id, STAFF)?.text).toContain('Код не найден');
      }
      for (let i = 0; i < 5; i++) {
        const refused = await check(headers, `BAD${i}3ZZZ`).expect(404);
        expect(refused.body.error).toMatchObject({
          code: 'DISCOUNT_NOT_FOUND',
          details: { pausedNow: false },
        });
      }
      const eleventh = await check(headers, 'BADX3ZZZ').expect(404);
      expect(eleventh.body.error.details).toMatchObject({ pausedNow: true });
      expect(eleventh.body.error.details.text).toContain('проверка приостановлена на 60 сек.');

      const paused = await check(headers, 'REAL6789').expect(429);
      expect(paused.body.error).toMatchObject({
        code: 'CASHIER_CHECKS_PAUSED',
        details: { seconds: expect.any(Number) },
      });
      await emulator.sendText(STAFF, who, 'REAL6789');
      expect(emulator.lastMessageTo(who.id, STAFF)?.text).toContain('⏸ Проверка кодов приостановлена');
      await eventually(async () => {
        const rows = await t.dataSource
          .getRepository(DiscountUsageLog)
          .countBy({ rejectCode: 'DISCOUNT_NOT_FOUND' });
        return rows >= 11;
      });
    });
  });
});
