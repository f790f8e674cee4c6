import { AuditLog } from '../../src/modules/audit/persistence/audit-log.entity';
import { shopTimeText } from '../../src/modules/codes/domain/shop-time-text';
import { DiscountUsageLog } from '../../src/modules/codes/persistence/discount-usage-log.entity';
import { Discount } from '../../src/modules/codes/persistence/discount.entity';
import { Cashier } from '../../src/modules/staff/persistence/cashier.entity';
import { aCashier, aDiscount, aDiscountTemplate, anAdmin, aUser } from '../support/factories';
import { TelegramEmulator } from '../support/telegram-emulator/telegram-emulator';
import type { EmulatedMessage, FakeUser, RecordedCall } from '../support/telegram-emulator/types';
import { createTestApp, eventually, TestApp } from '../support/test-app';

const TZ = 'Asia/Vladivostok';
const OWNER_ANNA = 9201;
const OWNER_BORIS = 9202;
const MARKETER = 9203;
const FORMER_OWNER = 9204;
/** `eventually` for a check that answers null until its value is there. */
const until = async <T>(check: () => Promise<T | null>, timeoutMs?: number): Promise<T> =>
  (await eventually(check, timeoutMs)) as T;

describe('staff bot: a cashier checks and redeems codes (webhook, worker, emulator)', () => {
  let emulator: TelegramEmulator;
  let t: TestApp;
  let STAFF: string;
  let CLIENT: string;
  let nextTelegramId = 6100;

  const say = (who: FakeUser, text: string) => emulator.sendText(STAFF, who, text);
  const lastMessage = (who: FakeUser) => emulator.lastMessageTo(who.id, STAFF) as EmulatedMessage;
  const lastText = (who: FakeUser) => lastMessage(who)?.text;
  const answers = () => emulator.callsOf('answerCallbackQuery').filter((call) => call.token === STAFF);
  const answerTo = (queryId: string): string | undefined =>
    answers().find((call) => call.params.callback_query_id === queryId)?.params.text as string | undefined;
  const reload = (id: number) => t.dataSource.getRepository(Discount).findOneByOrFail({ id });
  const redemptionsOf = (discountId: number) =>
    t.dataSource.getRepository(DiscountUsageLog).findBy({ discountId, action: 'redeemed' });
  const staffSendsTo = (chatId: number): RecordedCall[] =>
    emulator.sentTo(chatId).filter((call) => call.token === STAFF);

  /** An approved cashier (or of the given status) and the Telegram account they write from. */
  async function cashier(status: Cashier['status'] = 'approved', fullName = 'Кассирова Мария') {
    const telegramId = ++nextTelegramId;
    const row = await aCashier(t.dataSource, { telegramId, status, fullName });
    return { row, who: { id: telegramId, first_name: fullName.split(' ')[1] } as FakeUser };
  }

  /** A client's active code (the seeded subscription template), expiring in a week. */
  async function clientCode(firstName: string, fields: Partial<Discount> = {}) {
    const user = await aUser(t.dataSource, { firstName, telegramId: ++nextTelegramId + 100_000 });
    const discount = await aDiscount(t.dataSource, user, {
      expiresAt: new Date(Date.now() + 7 * 86_400_000),
      ...fields,
    });
    return { user, discount };
  }

  /** The «Погасить» press of `who` on their card of `code` (default: their last card with the button). */
  const pressRedeem = (who: FakeUser, code: string, card?: EmulatedMessage) =>
    emulator.pressButton(STAFF, who, `redeem:${code}`, card);

  beforeAll(async () => {
    emulator = await TelegramEmulator.start();
    t = await createTestApp({
      webhooks: true,
      env: { TELEGRAM_API_ROOT: emulator.apiRoot, APP_ROLES: 'api,bots,worker' },
    });
    STAFF = t.config.staffBotToken;
    CLIENT = t.config.clientBotToken;
    await anAdmin(t.dataSource, { role: 'owner', telegramId: OWNER_ANNA, username: 'anna' });
    await anAdmin(t.dataSource, { role: 'owner', telegramId: OWNER_BORIS, username: 'boris' });
    await anAdmin(t.dataSource, { role: 'marketing', telegramId: MARKETER });
    await anAdmin(t.dataSource, { role: 'owner', telegramId: FORMER_OWNER, isActive: false });
  });
  afterAll(async () => {
    await t.close();
    await emulator.stop();
  });

  it('greets an approved cashier with how to check codes', async () => {
    const { who } = await cashier('approved', 'Петрова Ирина');
    await say(who, '/start');
    expect(lastText(who)).toContain('Здравствуйте, Петрова Ирина! Вы кассир «Мармеладного Дворика».');
    expect(lastText(who)).toContain('/check');
  });

  it('checks a typed code, /check CODE and a scanned QR text: worth, description, client, expiry and «Погасить»', async () => {
    const { who } = await cashier();
    const { discount } = await clientCode('Анна', { code: 'K7M2QX9A' });
    const card =
      '✅ Код действителен\n\nКод: K7M2QX9A\nСкидка: 10\u00A0%\n' +
      'Скидка 10 % на одну покупку — спасибо, что подписались на наш канал!\n' +
      `Клиент: Анна\nДействует до: ${shopTimeText(discount.expiresAt as Date, TZ)}`;

    for (const typed of ['  k7m2 qx9a ', '/check K7M2-QX9A', 'Код: K7M2QX9A', 'к7м2qх9а']) {
      await say(who, typed);
      expect(lastMessage(who)).toMatchObject({
        text: card,
        reply_markup: { inline_keyboard: [[{ text: 'Погасить', callback_data: 'redeem:K7M2QX9A' }]] },
      });
    }
    expect((await reload(discount.id)).status).toBe('active');
    const checks = await until(async () => {
      const rows = await t.dataSource
        .getRepository(DiscountUsageLog)
        .findBy({ discountId: discount.id, action: 'validated' });
      return rows.length === 4 ? rows : null;
    });
    expect(checks[0]).toMatchObject({ channel: 'staff_bot', cashierId: expect.any(Number) });

    await say(who, '/check');
    expect(lastText(who)).toContain('Пришлите код покупателя');
    await say(who, 'Привет, как дела?');
    expect(lastText(who)).toContain('Это не похоже на код скидки');
    await emulator.sendPhoto(STAFF, who, { caption: 'вот QR' });
    expect(lastText(who)).toContain('Не нашёл QR-код на этом фото');
  });

  it('gives the reason a code cannot be used, in Russian, with the moment that matters', async () => {
    const { who } = await cashier();
    const usedAt = new Date(Date.now() - 3600_000);
    const expiresAt = new Date(Date.now() - 60_000);
    const cases: Array<[Partial<Discount>, string]> = [
      [{ code: 'USED2345', status: 'used', usedAt }, `Этот код уже погашен ${shopTimeText(usedAt, TZ)}.`],
      [{ code: 'PAST2345', expiresAt }, `Срок действия кода истёк ${shopTimeText(expiresAt, TZ)}.`],
      [{ code: 'GONE2345', status: 'revoked' }, 'Этот код отменён.'],
      [{ code: 'AWAY2345', suspendedAt: new Date() }, 'Код приостановлен: покупатель отписался от канала'],
    ];
    for (const [fields, reason] of cases) {
      await clientCode('Борис', fields);
      await say(who, fields.code as string);
      expect(lastText(who)).toContain(`❌ ${fields.code}\n${reason}`);
      expect(lastMessage(who).reply_markup).toBeUndefined();
    }
    await say(who, 'NONE2345');
    expect(lastText(who)).toBe('❌ NONE2345\nКод не найден. Проверьте, пожалуйста, написание.');
  });

  it('redeems on «Погасить»: «Погашено ✅», the card edited, the client told; a second press hears «уже погашен»', async () => {
    const { row, who } = await cashier();
    const { user, discount } = await clientCode('Вера', { code: 'R3DM4Y8Q' });
    await say(who, 'R3DM4Y8Q');
    const card = lastMessage(who);

    const pressed = await pressRedeem(who, 'R3DM4Y8Q');

    expect(pressed.status).toBe(200);
    const queryId = (pressed.update as { callback_query: { id: string } }).callback_query.id;
    expect(answerTo(queryId)).toBe('Погашено ✅');
    const after = await reload(discount.id);
    expect(after).toMatchObject({ status: 'used', redemptionCount: 1 });
    const edited = emulator.messagesTo(who.id, STAFF).find((m) => m.message_id === card.message_id);
    expect(edited?.text).toBe(
      `✅ Погашено ${shopTimeText(after.usedAt as Date, TZ)}\n\nКод: R3DM4Y8Q\nСкидка: 10\u00A0%\nКлиент: Вера`,
    );
    expect(edited?.reply_markup).toBeUndefined();
    expect(await redemptionsOf(discount.id)).toEqual([
      expect.objectContaining({ channel: 'staff_bot', cashierId: row.id, userId: user.id }),
    ]);
    const notice = await emulator.waitFor(
      (call) => call.token === CLIENT && call.chatId === user.telegramId && call.method === 'sendMessage',
    );
    expect(notice.params.text).toContain('Код <code>R3DM4Y8Q</code> погашен');
    await eventually(async () => {
      const rows = await t.dataSource
        .getRepository(AuditLog)
        .findBy({ action: 'discount.redeemed', entityId: String(discount.id) });
      return rows.length === 1 && rows[0].actorType === 'cashier';
    });

    // The same button again (a double tap on the old card).
    const again = await pressRedeem(who, 'R3DM4Y8Q', card);
    const againId = (again.update as { callback_query: { id: string } }).callback_query.id;
    expect(answerTo(againId)).toBe(`Этот код уже погашен ${shopTimeText(after.usedAt as Date, TZ)}.`);
    expect(await redemptionsOf(discount.id)).toHaveLength(1);
    await t.settled();
    expect(
      emulator.calls.filter((call) => call.token === CLIENT && call.chatId === user.telegramId),
    ).toHaveLength(1);
  });

  it('lets one of two cashiers pressing at once redeem; the other hears «уже погашен» with the time', async () => {
    const first = await cashier('approved', 'Иванова Ольга');
    const second = await cashier('approved', 'Сидорова Нина');
    const { discount, user } = await clientCode('Глеб', { code: 'TW0CA5HQ' });
    await say(first.who, 'TW0CA5HQ');
    await say(second.who, 'TW0CA5HQ');

    const presses = await Promise.all([
      pressRedeem(first.who, 'TW0CA5HQ'),
      pressRedeem(second.who, 'TW0CA5HQ'),
    ]);

    const texts = presses.map((p) =>
      answerTo((p.update as { callback_query: { id: string } }).callback_query.id),
    );
    const after = await reload(discount.id);
    // who lost the race: read before sorting (sort() reorders `texts` in place)
    const loser = texts[0] === 'Погашено ✅' ? second : first;
    expect([...texts].sort()).toEqual([
      'Погашено ✅',
      `Этот код уже погашен ${shopTimeText(after.usedAt as Date, TZ)}.`,
    ]);
    expect(after).toMatchObject({ status: 'used', redemptionCount: 1 });
    expect(await redemptionsOf(discount.id)).toHaveLength(1);
    const rejected = await t.dataSource
      .getRepository(DiscountUsageLog)
      .findBy({ discountId: discount.id, action: 'rejected' });
    expect(rejected).toEqual([expect.objectContaining({ rejectCode: 'CODE_ALREADY_USED' })]);
    expect(lastText(loser.who)).toContain('Этот код уже погашен');
    await emulator.waitFor((call) => call.token === CLIENT && call.chatId === user.telegramId);
    await t.settled();
    expect(
      emulator.calls.filter((call) => call.token === CLIENT && call.chatId === user.telegramId),
    ).toHaveLength(1);
  });

  it('does not redeem a shared code from the bot (it needs the client at the till)', async () => {
    const { who } = await cashier();
    const template = await aDiscountTemplate(t.dataSource, { usage: 'shared', maxRedemptions: 100 });
    const repository = t.dataSource.getRepository(Discount);
    await repository.save(
      repository.create({
        code: 'SHAR3D22',
        templateId: template.id,
        userId: null,
        kind: 'percent',
        value: 10,
        status: 'active',
        reason: 'manual',
        validFrom: new Date(Date.now() - 60_000),
        redemptionCount: 0,
        maxRedemptions: 100,
      }),
    );
    await say(who, 'shar3d22');
    expect(lastText(who)).toContain('Это общий код');
    expect(lastMessage(who).reply_markup).toBeUndefined();
  });

  it('pauses a cashier after 11 bad codes in a minute and tells every owner once', async () => {
    const { row, who } = await cashier('approved', 'Угадайкина Зоя');
    const other = await cashier();
    const { discount } = await clientCode('Дина', { code: 'REAL2345' });

    for (let i = 0; i < 10; i++) {
      await say(who, `BAD${String(i).padStart(2, '2')}ZZZ`);
      expect(lastText(who)).toContain('Код не найден');
    }
    expect(lastText(who)).not.toContain('приостановлена');

    await say(who, 'BADXXZZZ');
    expect(lastText(who)).toContain('Код не найден');
    expect(lastText(who)).toContain('проверка приостановлена на 60 сек.');

    // Paused: not even a real code is checked now, and nothing more is logged.
    await say(who, 'REAL2345');
    expect(lastText(who)).toMatch(/^⏸ Проверка кодов приостановлена ещё на (59|60) сек\./);
    await say(who, 'BADYYZZZ');
    expect(lastText(who)).toContain('⏸ Проверка кодов приостановлена');
    const pttl = await t.redis.pttl(`${t.config.redisPrefix}:limit:cashier-checks-paused:${row.id}`);
    expect(pttl).toBeGreaterThan(50_000);
    expect(pttl).toBeLessThanOrEqual(60_000);
    await t.settled();
    const rejected = await t.dataSource
      .getRepository(DiscountUsageLog)
      .findBy({ cashierId: row.id, action: 'rejected' });
    expect(rejected).toHaveLength(11);
    expect(
      await t.dataSource
        .getRepository(DiscountUsageLog)
        .countBy({ discountId: discount.id, cashierId: row.id }),
    ).toBe(0);

    // Another cashier is not held up.
    await say(other.who, 'REAL2345');
    expect(lastText(other.who)).toContain('Код действителен');

    for (const owner of [OWNER_ANNA, OWNER_BORIS]) {
      await emulator.waitFor(
        (call) => call.chatId === owner && String(call.params.text).includes('Угадайкина Зоя'),
      );
    }
    await t.settled();
    for (const owner of [OWNER_ANNA, OWNER_BORIS]) {
      const notices = staffSendsTo(owner).filter((call) => String(call.params.text).includes('подбор кодов'));
      expect(notices).toHaveLength(1);
      expect(notices[0].params.text).toContain('ввёл 11 неверных кодов за минуту');
    }
    expect(staffSendsTo(MARKETER)).toHaveLength(0);
    expect(staffSendsTo(FORMER_OWNER)).toHaveLength(0);
    const audit = await eventually(() =>
      t.dataSource
        .getRepository(AuditLog)
        .findOneBy({ action: 'cashier.checks_paused', entityId: String(row.id) }),
    );
    expect(audit).toMatchObject({ actorType: 'cashier', changes: { failures: 11, pauseSeconds: 60 } });
  });

  it('refuses pending and revoked cashiers: no check, and an old «Погасить» redeems nothing', async () => {
    const pending = await cashier('pending');
    const { discount } = await clientCode('Ефим', { code: 'KEEP2345' });
    await say(pending.who, 'KEEP2345');
    expect(lastText(pending.who)).toBe('Ваша заявка ждёт решения владельца магазина.');
    await say(pending.who, '/check KEEP2345');
    expect(lastText(pending.who)).toBe('Ваша заявка ждёт решения владельца магазина.');

    const formerly = await cashier();
    await say(formerly.who, 'KEEP2345');
    const card = lastMessage(formerly.who);
    await t.dataSource.getRepository(Cashier).update(formerly.row.id, { status: 'revoked' });

    const pressed = await pressRedeem(formerly.who, 'KEEP2345', card);

    const queryId = (pressed.update as { callback_query: { id: string } }).callback_query.id;
    expect(answerTo(queryId)).toContain('доступ кассира отозван');
    expect(await reload(discount.id)).toMatchObject({ status: 'active', usedAt: null });
    expect(await redemptionsOf(discount.id)).toHaveLength(0);
    await say(formerly.who, 'KEEP2345');
    expect(lastText(formerly.who)).toContain('доступ кассира отозван');
  });
});
