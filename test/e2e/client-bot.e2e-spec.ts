import type { Update } from 'telegraf/types';
import { AuditLog } from '../../src/modules/audit/persistence/audit-log.entity';
import { ChangeSettingCommand } from '../../src/modules/settings/commands/change-setting.command';
import { User } from '../../src/modules/users/persistence/user.entity';
import { aDiscount } from '../support/factories';
import { TelegramEmulator } from '../support/telegram-emulator/telegram-emulator';
import type { EmulatedMessage, FakeUser, RecordedCall } from '../support/telegram-emulator/types';
import { createTestApp, eventually, TestApp } from '../support/test-app';

const MENU = {
  keyboard: [
    ['🎁 Мои скидки', '📢 Подписаться'],
    ['🎂 День рождения', '❓ Помощь'],
  ],
  resize_keyboard: true,
};
const CHANNEL = '@marmeladny_dvorik';
const CHANNEL_URL = 'https://t.me/marmeladny_dvorik';
const TRY_LATER = 'Telegram сейчас не отвечает. Попробуйте чуть позже.';

let nextId = 7300;
/** A new Telegram account (a fresh id per call, so tests never share a client). */
const person = (first_name: string, extra: Partial<FakeUser> = {}): FakeUser => ({
  id: ++nextId,
  first_name,
  username: `client${nextId}`,
  language_code: 'ru',
  ...extra,
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('client bot (by webhook)', () => {
  let emulator: TelegramEmulator;
  let t: TestApp;
  let CLIENT: string;

  const users = () => t.dataSource.getRepository(User);
  const row = (who: FakeUser) => users().findOneByOrFail({ telegramId: who.id });
  const say = (who: FakeUser, text: string) => emulator.sendText(CLIENT, who, text);
  const press = (who: FakeUser, data: string, message?: EmulatedMessage) =>
    emulator.pressButton(CLIENT, who, data, message);
  const lastMessage = (who: FakeUser) => emulator.lastMessageTo(who.id, CLIENT) as EmulatedMessage;
  const lastText = (who: FakeUser) => lastMessage(who)?.text;
  const sends = (who: FakeUser) => emulator.sentTo(who.id).filter((call) => call.token === CLIENT);
  const lastSend = (who: FakeUser) => sends(who).at(-1) as RecordedCall;
  const answers = () => emulator.callsOf('answerCallbackQuery').filter((call) => call.token === CLIENT);
  const replyKeyboard = (call: RecordedCall) => {
    const markup = call.params.reply_markup;
    return typeof markup === 'string' ? JSON.parse(markup) : markup;
  };
  const auditRows = (action: string, user: User) =>
    t.dataSource.getRepository(AuditLog).findBy({ action, entityType: 'user', entityId: String(user.id) });
  const dialogKey = (who: FakeUser) => `${t.config.redisPrefix}:conversation:client:${who.id}`;
  const channelId = () => emulator.chatIdOf(CHANNEL) as number;

  /** A client who pressed /start. */
  async function registered(first_name: string, extra: Partial<FakeUser> = {}): Promise<FakeUser> {
    const who = person(first_name, extra);
    await say(who, '/start');
    return who;
  }

  beforeAll(async () => {
    emulator = await TelegramEmulator.start();
    t = await createTestApp({
      webhooks: true,
      env: { TELEGRAM_API_ROOT: emulator.apiRoot, APP_ROLES: 'api,bots' },
    });
    CLIENT = t.config.clientBotToken;
    // Birthdays are checked against "today" in shop time: pin it (running), so ages are exact.
    t.clock.set('2026-07-14T02:00:00Z', true);
  });
  afterAll(async () => {
    await t.close();
    await emulator.stop();
  });

  describe('/start', () => {
    it('registers a new client with the payload as source and greets them with the keyboard', async () => {
      const anya = person('Аня', { last_name: 'Петрова' });

      const delivered = await say(anya, '/start instagram');

      expect(delivered).toMatchObject({ route: 'webhook', status: 200 });
      expect(lastText(anya)).toMatch(/^Здравствуйте, Аня! 🍬\n\nДобро пожаловать в «Мармеладный Дворик»!/);
      expect(replyKeyboard(lastSend(anya))).toMatchObject(MENU);
      expect(await row(anya)).toMatchObject({
        firstName: 'Аня',
        lastName: 'Петрова',
        username: anya.username,
        languageCode: 'ru',
        source: 'instagram',
        status: 'active',
        isTest: false,
        isSubscribed: false,
        referredByUserId: null,
        lastActivityAt: expect.any(Date),
        referralCode: expect.stringMatching(/^[a-z0-9]{8}$/),
      });
      const user = await row(anya);
      await eventually(async () => (await auditRows('user.registered', user)).length === 1);
    });

    it('registers a client without a usable payload as direct, and escapes their name', async () => {
      const odd = person('<b>Лёва</b>');
      await say(odd, '/start');
      expect(lastText(odd)).toMatch(/^Здравствуйте, <b>Лёва<\/b>! 🍬/);
      const weird = person('Вика');
      await say(weird, '/start не-латиница!');
      expect((await row(odd)).source).toBe('direct');
      expect((await row(weird)).source).toBe('direct');
    });

    it('keeps the first source, and refreshes names and last activity of a known client', async () => {
      const boris = person('Борис');
      await say(boris, '/start vk');
      const before = await row(boris);
      await sleep(20);

      const renamed = { ...boris, first_name: 'Боря', username: 'borya_new' };
      await say(renamed, '/start instagram');

      const after = await row(boris);
      expect(after).toMatchObject({ id: before.id, source: 'vk', firstName: 'Боря', username: 'borya_new' });
      expect(after.lastActivityAt?.getTime()).toBeGreaterThan(before.lastActivityAt?.getTime() ?? 0);
      expect(lastText(renamed)).toMatch(/^Здравствуйте, Боря!/);
      expect(await users().countBy({ telegramId: boris.id })).toBe(1);
    });

    it('records who invited whom through ref_<code>, and ignores a self-invite', async () => {
      const inviter = await registered('Вера');
      const { id: inviterId, referralCode } = await row(inviter);

      const friend = person('Гоша');
      await say(friend, `/start ref_${referralCode}`);
      expect(await row(friend)).toMatchObject({ referredByUserId: inviterId, source: 'referral' });
      expect(lastText(friend)).toMatch(/^Здравствуйте, Гоша!/);

      await say(inviter, `/start ref_${referralCode}`);
      expect(await row(inviter)).toMatchObject({ referredByUserId: null, source: 'direct' });

      const stray = person('Дина');
      await say(stray, '/start ref_nosuchcode');
      expect(await row(stray)).toMatchObject({ referredByUserId: null, source: 'referral' });
    });

    it('marks a tester by test_<secret> when the secret matches the setting, and only then', async () => {
      const early = person('Ранний');
      await say(early, '/start test_qa-secret-2026');
      expect(await row(early)).toMatchObject({ isTest: false, source: 'direct' });

      await t.commands.execute(
        new ChangeSettingCommand('test_mode.secret', 'qa-secret-2026', { type: 'system', id: null }),
      );
      const tester = person('Тестер');
      await say(tester, '/start test_qa-secret-2026');
      expect(await row(tester)).toMatchObject({ isTest: true, source: 'direct' });
      expect(lastText(tester)).toMatch(/^Здравствуйте, Тестер!/);

      const guesser = person('Угадайка');
      await say(guesser, '/start test_wrong-secret');
      expect(await row(guesser)).toMatchObject({ isTest: false, source: 'direct' });
    });
  });

  describe('a client who blocks the bot', () => {
    it('is marked blocked when a reply fails with 403, without a second attempt', async () => {
      const zoya = await registered('Зоя');
      emulator.blockChat(zoya.id);
      const attempts = sends(zoya).length;

      const delivered = await say(zoya, 'привет');

      expect(delivered.status).toBe(200);
      const user = await row(zoya);
      expect(user).toMatchObject({ status: 'blocked', blockedAt: expect.any(Date) });
      expect(sends(zoya).slice(attempts)).toHaveLength(1);
      expect(lastSend(zoya).response.status).toBe(403);
      await eventually(async () => (await auditRows('user.blocked_bot', user)).length === 1);
    });

    it('is marked blocked by the my_chat_member update, and is active again after unblocking and /start', async () => {
      const yura = await registered('Юра');

      await emulator.blockBot(CLIENT, yura);
      expect((await row(yura)).status).toBe('blocked');

      await emulator.blockBot(CLIENT, yura, false);
      expect((await row(yura)).status).toBe('active');

      // Blocked by a failed send instead, then back with /start.
      emulator.blockChat(yura.id);
      await say(yura, 'ау');
      expect((await row(yura)).status).toBe('blocked');
      emulator.unblockChat(yura.id);
      await say(yura, '/start');
      const user = await row(yura);
      expect(user).toMatchObject({ status: 'active', blockedAt: null });
      expect(lastText(yura)).toMatch(/^Здравствуйте, Юра!/);
      await eventually(async () => (await auditRows('user.reactivated', user)).length === 2);
    });

    it('does not register a stranger who merely unblocks the bot: their /start, with its payload, does', async () => {
      const stranger = person('Незнакомка');
      await emulator.blockBot(CLIENT, stranger, false);
      expect(await users().countBy({ telegramId: stranger.id })).toBe(0);
      await say(stranger, '/start promo_autumn');
      expect((await row(stranger)).source).toBe('promo_autumn');
    });
  });

  describe('subscription', () => {
    it('invites with the channel link and «Я подписался», and does not see a client who is not there', async () => {
      const kira = await registered('Кира');

      await say(kira, '📢 Подписаться');

      expect(lastText(kira)).toContain(`👉 ${CHANNEL_URL}`);
      expect(lastMessage(kira).reply_markup?.inline_keyboard).toEqual([
        [{ text: '📢 Открыть канал', url: CHANNEL_URL }],
        [{ text: 'Я подписался', callback_data: 'sub:check' }],
      ]);

      const pressed = await press(kira, 'sub:check');

      expect(pressed.status).toBe(200);
      expect(answers().at(-1)?.response.status).toBe(200);
      expect(lastText(kira)).toContain('Хм, пока не вижу подписки');
      expect(lastText(kira)).toContain(CHANNEL_URL);
      expect(lastMessage(kira).reply_markup?.inline_keyboard?.[1]).toEqual([
        { text: 'Я подписался', callback_data: 'sub:check' },
      ]);
      expect(await row(kira)).toMatchObject({ isSubscribed: false, subscriptionCheckedAt: null });
    });

    it('marks a member subscribed once; a second press hears that the gift is given once', async () => {
      const lev = await registered('Лев');
      await say(lev, '📢 Подписаться');
      emulator.setChatMember(CHANNEL, lev.id, 'member');

      await press(lev, 'sub:check');

      expect(lastText(lev)).toMatch(
        /^Спасибо за подписку, Лев! 🎉\n\nВаш подарок — скидка 10\u00A0%\.\nКод: [A-Z0-9]{8}\n/,
      );
      const user = await row(lev);
      expect(user).toMatchObject({ isSubscribed: true, subscriptionCheckedAt: expect.any(Date) });
      const getChatMember = emulator.callsOf('getChatMember').at(-1);
      expect(getChatMember?.params).toMatchObject({ chat_id: CHANNEL, user_id: lev.id });

      await press(lev, 'sub:check');
      expect(lastText(lev)).toContain('Вы уже подписаны на наш канал — спасибо!');
      expect(answers().filter((call) => call.response.status === 200).length).toBeGreaterThanOrEqual(2);
      await sleep(200);
      const subscribed = await auditRows('user.subscribed', user);
      expect(subscribed).toHaveLength(1);
      expect(subscribed[0].changes).toMatchObject({ after: { isSubscribed: true, firstTime: true } });
    });

    it('counts administrators and the creator as subscribed', async () => {
      for (const status of ['administrator', 'creator'] as const) {
        const admin = await registered(`Админ-${status}`);
        await say(admin, '📢 Подписаться');
        emulator.setChatMember(CHANNEL, admin.id, status);
        await press(admin, 'sub:check');
        expect((await row(admin)).isSubscribed).toBe(true);
      }
    });

    it('asks to try later when Telegram fails, and never crashes', async () => {
      const mila = await registered('Мила');
      await say(mila, '📢 Подписаться');
      emulator.failChatMember(CHANNEL, mila.id, { errorCode: 500, description: 'Internal Server Error' });

      const pressed = await press(mila, 'sub:check');

      expect(pressed.status).toBe(200);
      expect(answers().at(-1)?.response.status).toBe(200);
      expect(lastText(mila)).toBe(TRY_LATER);
      expect((await row(mila)).isSubscribed).toBe(false);

      emulator.failChatMember(CHANNEL, mila.id, {
        errorCode: 400,
        description: 'Bad Request: chat not found',
      });
      await press(mila, 'sub:check');
      expect(lastText(mila)).toBe(TRY_LATER);

      emulator.setChatMember(CHANNEL, mila.id, 'member');
      await press(mila, 'sub:check');
      expect((await row(mila)).isSubscribed).toBe(true);
    });

    it('follows chat_member updates of the channel: leaving, being removed and coming back', async () => {
      const nina = await registered('Нина');
      await say(nina, '📢 Подписаться');
      emulator.setChatMember(CHANNEL, nina.id, 'member');
      await press(nina, 'sub:check');
      const channel = { id: channelId(), username: 'marmeladny_dvorik', title: 'Мармеладный Дворик' };
      const sent = sends(nina).length;

      const left = await emulator.chatMemberUpdate(CLIENT, channel, nina, 'member', 'left');
      expect(left).toMatchObject({ route: 'webhook', status: 200 });
      expect((await row(nina)).isSubscribed).toBe(false);

      await emulator.chatMemberUpdate(CLIENT, channel, nina, 'left', 'member');
      expect((await row(nina)).isSubscribed).toBe(true);

      await emulator.chatMemberUpdate(CLIENT, channel, nina, 'member', 'kicked');
      expect((await row(nina)).isSubscribed).toBe(false);

      const user = await row(nina);
      await eventually(async () => (await auditRows('user.unsubscribed', user)).length === 2);
      const subscribed = await auditRows('user.subscribed', user);
      expect(subscribed.map((entry) => entry.changes)).toEqual([
        { after: { isSubscribed: true, firstTime: true } },
        { after: { isSubscribed: true, firstTime: false } },
      ]);
      expect(sends(nina)).toHaveLength(sent);
    });

    it('ignores other chats and people who are not clients', async () => {
      const oleg = await registered('Олег');
      const stranger = person('Прохожий');
      const channel = { id: channelId(), username: 'marmeladny_dvorik' };
      const other = { id: -1009999000111, username: 'other_candy_shop' };

      await emulator.chatMemberUpdate(CLIENT, other, oleg, 'left', 'member');
      expect((await row(oleg)).isSubscribed).toBe(false);
      const delivered = await emulator.chatMemberUpdate(CLIENT, channel, stranger, 'left', 'member');
      expect(delivered.status).toBe(200);
      expect(await users().countBy({ telegramId: stranger.id })).toBe(0);
    });
  });

  describe('birthday', () => {
    it('asks, reads, confirms and saves a date; the dialog lives 10 minutes in Redis', async () => {
      const pavel = await registered('Павел');

      await say(pavel, '🎂 День рождения');
      expect(lastText(pavel)).toContain('Когда у вас день рождения? 🎂');
      expect(await t.redis.ttl(dialogKey(pavel))).toBeGreaterThan(590);
      expect(await t.redis.ttl(dialogKey(pavel))).toBeLessThanOrEqual(600);

      await say(pavel, '25.11.1990');
      const confirmation = lastMessage(pavel);
      expect(confirmation.text).toBe('Ваш день рождения — 25 ноября 1990, всё верно?');
      expect(confirmation.reply_markup?.inline_keyboard).toEqual([
        [
          { text: 'Да', callback_data: 'bday:yes' },
          { text: 'Нет', callback_data: 'bday:no' },
        ],
      ]);

      await press(pavel, 'bday:yes');

      expect(lastText(pavel)).toBe('Готово, запомнили: 25 ноября 1990 🎂\nВ этот день ждите от нас подарок!');
      const user = await row(pavel);
      expect(user).toMatchObject({ birthDate: '1990-11-25', birthDateSetAt: expect.any(Date) });
      expect(await t.redis.exists(dialogKey(pavel))).toBe(0);
      const shown = emulator
        .messagesTo(pavel.id, CLIENT)
        .find((m) => m.message_id === confirmation.message_id);
      expect(shown?.reply_markup).toBeUndefined();
      await eventually(async () => (await auditRows('user.birth_date_set', user)).length === 1);

      // Saved once: the client is told kindly, also when pressing the old «Да» again.
      await say(pavel, '🎂 День рождения');
      expect(lastText(pavel)).toContain('Ваш день рождения уже сохранён: 25 ноября 1990.');
      expect(lastText(pavel)).toContain('Изменить дату может только администратор магазина');
      await press(pavel, 'bday:yes', confirmation);
      expect(answers().at(-1)?.params.text).toBe('Эта кнопка больше не действует.');
      expect(lastText(pavel)).toContain('Ваш день рождения уже сохранён: 25 ноября 1990.');
      expect((await row(pavel)).birthDate).toBe('1990-11-25');
    });

    it('refuses impossible, future and implausible dates with a hint, and keeps asking', async () => {
      const rita = await registered('Рита');
      await say(rita, '🎂 День рождения');

      const hints: Array<[string, string]> = [
        ['завтра', 'Не получилось разобрать дату'],
        ['31.02.1990', 'Такой даты нет в календаре'],
        ['29.02.2023', 'Такой даты нет в календаре'],
        ['15.08.2027', 'Эта дата ещё не наступила'],
        ['15.07.2021', 'в годе опечатка'], // 4 years old
        ['14.07.1905', 'в годе опечатка'], // 121 today
        ['25.11.90', 'год полностью'],
      ];
      for (const [typed, hint] of hints) {
        await say(rita, typed);
        expect(lastText(rita)).toContain(hint);
        expect(lastText(rita)).toContain('Передумали — отправьте /cancel.');
      }
      expect((await row(rita)).birthDate).toBeNull();

      await say(rita, '7/3/1995');
      expect(lastText(rita)).toBe('Ваш день рождения — 7 марта 1995, всё верно?');
      await press(rita, 'bday:no');
      expect(lastText(rita)).toContain('Напишите дату ещё раз');
      await say(rita, '14.07.2021'); // 5 today
      expect(lastText(rita)).toBe('Ваш день рождения — 14 июля 2021, всё верно?');
      await say(rita, 'да');
      expect((await row(rita)).birthDate).toBe('2021-07-14');
    });

    it('saves a day without a year', async () => {
      const sonya = await registered('Соня');
      await say(sonya, '🎂 День рождения');
      await say(sonya, '29-02');
      expect(lastText(sonya)).toBe('Ваш день рождения — 29 февраля, всё верно?');
      await press(sonya, 'bday:yes');
      expect(lastText(sonya)).toContain('Готово, запомнили: 29 февраля');
      expect((await row(sonya)).birthDate).toMatch(/-02-29$/);
      await say(sonya, '🎂 День рождения');
      expect(lastText(sonya)).toContain('Ваш день рождения уже сохранён: 29 февраля.');
    });

    it('stops on /cancel or on a menu button, and saves nothing', async () => {
      const taya = await registered('Тая');
      await say(taya, '🎂 День рождения');
      await say(taya, '/cancel');
      expect(lastText(taya)).toBe('Хорошо, ничего не сохраняю.');
      expect(await t.redis.exists(dialogKey(taya))).toBe(0);
      await say(taya, '25.11.1990');
      expect(lastText(taya)).toContain('Простите, я не понял');

      await say(taya, '🎂 День рождения');
      await say(taya, '1.1.2000');
      const confirmation = lastMessage(taya);
      await say(taya, '❓ Помощь');
      expect(lastText(taya)).toContain('Как это работает');
      await press(taya, 'bday:yes', confirmation);
      expect(answers().at(-1)?.params.text).toBe('Эта кнопка больше не действует.');
      expect(lastText(taya)).toContain('Время на ответ истекло');
      expect((await row(taya)).birthDate).toBeNull();
      await say(taya, '/cancel');
      expect(lastText(taya)).toBe('Отменять нечего.');
    });

    it('asks for text when the client sends a sticker mid-dialog', async () => {
      const uma = await registered('Ума');
      await say(uma, '🎂 День рождения');
      await emulator.deliverUpdate(CLIENT, sticker(uma, emulator.lastUpdateId + 1));
      expect(lastText(uma)).toBe('Напишите, пожалуйста, дату текстом: например, 25.11.1990.');
    });
  });

  describe('help, discounts and anything else', () => {
    it('helps with the shop contacts, and answers anything else with a hint, always with the keyboard', async () => {
      const fedya = await registered('Федя');

      await say(fedya, '❓ Помощь');
      expect(lastText(fedya)).toContain('Как это работает');
      expect(lastText(fedya)).toContain('Владивосток, ул. Светланская, 29');
      expect(replyKeyboard(lastSend(fedya))).toMatchObject(MENU);
      await say(fedya, '/help');
      expect(lastText(fedya)).toContain('Наши контакты');

      for (const text of ['привет', '/foo', 'хочу скидку']) {
        await say(fedya, text);
        expect(lastText(fedya)).toBe('Простите, я не понял 🙈 Пожалуйста, воспользуйтесь кнопками внизу.');
        expect(replyKeyboard(lastSend(fedya))).toMatchObject(MENU);
      }
      await emulator.deliverUpdate(CLIENT, sticker(fedya, emulator.lastUpdateId + 1));
      expect(lastText(fedya)).toContain('Простите, я не понял');
    });

    it('shows «Мои скидки»: the empty text, or the codes that work now', async () => {
      const gleb = await registered('Глеб');
      await say(gleb, '🎁 Мои скидки');
      expect(lastText(gleb)).toContain('Пока у вас нет действующих скидок.');

      const user = await row(gleb);
      await aDiscount(t.dataSource, user, {
        code: 'SWEET234',
        validFrom: new Date('2026-07-01T00:00:00Z'),
        expiresAt: new Date('2026-08-01T05:00:00Z'),
      });
      await aDiscount(t.dataSource, user, { code: 'USED2345', status: 'used' });
      await aDiscount(t.dataSource, user, { code: 'OLDC0DE2', expiresAt: new Date('2026-07-01T00:00:00Z') });
      await say(gleb, 'мои скидки');
      expect(lastText(gleb)).toContain('🎁 Ваши скидки');
      expect(lastText(gleb)).toContain('SWEET234 — скидка 10\u00A0%');
      expect(lastText(gleb)).toContain('Действует до 01.08.2026 15:00');
      expect(lastText(gleb)).not.toContain('USED2345');
      expect(lastText(gleb)).not.toContain('OLDC0DE2');
    });

    it('registers a stranger who writes without /start, as a direct client', async () => {
      const newcomer = person('Новичок');
      await say(newcomer, 'здравствуйте');
      expect(lastText(newcomer)).toContain('Простите, я не понял');
      expect(await row(newcomer)).toMatchObject({ source: 'direct', status: 'active' });
    });

    it('stays silent in group chats', async () => {
      const group = { id: -1009002, type: 'group', title: 'Сладкоежки' };
      const member = await registered('Участник');
      const delivered = await emulator.deliverUpdate(CLIENT, {
        update_id: emulator.lastUpdateId + 1,
        message: {
          message_id: 1,
          date: Math.floor(Date.now() / 1000),
          chat: group,
          from: { id: member.id, is_bot: false, first_name: member.first_name },
          text: '/start',
          entities: [{ type: 'bot_command', offset: 0, length: 6 }],
        },
      } as Update);
      expect(delivered.status).toBe(200);
      await t.settled();
      expect(emulator.sentTo(group.id)).toHaveLength(0);
    });
  });

  describe('Telegram retries', () => {
    it('handles a retried webhook update once', async () => {
      const vlad = person('Влад');
      const first = await say(vlad, '/start retry_test');
      const retry = await emulator.deliverUpdate(CLIENT, first.update);
      expect(retry).toMatchObject({ route: 'webhook', status: 200 });
      expect(await users().countBy({ telegramId: vlad.id })).toBe(1);
      expect(sends(vlad)).toHaveLength(1);

      await say(vlad, '🎂 День рождения');
      await say(vlad, '01.01.2000');
      const pressed = await press(vlad, 'bday:yes');
      await emulator.deliverUpdate(CLIENT, pressed.update);
      await t.settled();
      expect(sends(vlad).filter((call) => /Готово, запомнили/.test(String(call.params.text)))).toHaveLength(
        1,
      );
      expect(sends(vlad).filter((call) => /уже сохранён/.test(String(call.params.text)))).toHaveLength(0);
      const user = await row(vlad);
      expect(await auditRows('user.birth_date_set', user)).toHaveLength(1);
    });
  });
});

/** A sticker from the person, as Telegram sends it. */
function sticker(from: FakeUser, updateId: number): Update {
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: from.id, type: 'private', first_name: from.first_name },
      from: { id: from.id, is_bot: false, first_name: from.first_name },
      sticker: {
        file_id: 'CAACAgIAAxkBAAE',
        file_unique_id: 'AgADsticker',
        type: 'regular',
        width: 512,
        height: 512,
        is_animated: false,
        is_video: false,
      },
    },
  } as Update;
}
