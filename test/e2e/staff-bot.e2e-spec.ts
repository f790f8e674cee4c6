import request from 'supertest';
import type { Update } from 'telegraf/types';
import { AuditLog } from '../../src/modules/audit/persistence/audit-log.entity';
import { Admin } from '../../src/modules/staff/persistence/admin.entity';
import { Cashier } from '../../src/modules/staff/persistence/cashier.entity';
import { loginAs } from '../support/auth';
import { anAdmin } from '../support/factories';
import type { DeliveryTarget } from '../support/telegram-emulator/delivery';
import { TRY_LATER_TEXT } from '../../src/infrastructure/telegram/bot-error-handler';
import { TelegramEmulator } from '../support/telegram-emulator/telegram-emulator';
import type { EmulatedMessage, FakeUser, RecordedCall } from '../support/telegram-emulator/types';
import { createTestApp, eventually, TestApp } from '../support/test-app';

const OWNER_OLGA = { id: 9101, first_name: 'Ольга', username: 'olga_owner' };
const OWNER_OLEG = { id: 9102, first_name: 'Олег' };
const MARKETER = { id: 9103, first_name: 'Марина' };
const FORMER_OWNER = { id: 9104, first_name: 'Фёдор' };

const person = (id: number, first_name: string): FakeUser => ({ id, first_name, username: `user${id}` });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('staff bot', () => {
  let emulator: TelegramEmulator;
  beforeAll(async () => {
    emulator = await TelegramEmulator.start();
  });
  afterAll(() => emulator.stop());

  describe('by webhook', () => {
    let t: TestApp;
    let STAFF: string;
    let olga: Admin;
    let oleg: Admin;
    const cashiers = () => t.dataSource.getRepository(Cashier);

    const say = (from: FakeUser, text: string, target?: DeliveryTarget) =>
      emulator.sendText(STAFF, from, text, target);
    const lastText = (chatId: number) => emulator.lastMessageTo(chatId, STAFF)?.text;
    const sendsTo = (chatId: number) => emulator.sentTo(chatId).filter((call) => call.token === STAFF);
    const lastAnswer = () => emulator.callsOf('answerCallbackQuery').at(-1)?.params.text;
    /** The application notice an owner got about `cashierId`. */
    const noticeTo = (owner: FakeUser, cashierId: number): Promise<RecordedCall> =>
      emulator.waitFor(
        (call) =>
          call.token === STAFF &&
          call.chatId === owner.id &&
          call.method === 'sendMessage' &&
          JSON.stringify(call.params.reply_markup ?? '').includes(`cashier:approve:${cashierId}`),
      );
    const auditRows = (action: string, cashierId: number) =>
      t.dataSource
        .getRepository(AuditLog)
        .findBy({ action, entityType: 'cashier', entityId: String(cashierId) });

    const firstAuditRow = async (action: string, cashierId: number): Promise<AuditLog> =>
      (await eventually(async () => (await auditRows(action, cashierId))[0])) as AuditLog;

    /** A stranger applies: /start, «Стать кассиром», the name; returns the pending cashier once owners are asked. */
    async function apply(from: FakeUser, fullName: string): Promise<Cashier> {
      await say(from, '/start');
      await emulator.pressButton(STAFF, from, 'cashier:register');
      await say(from, fullName);
      const cashier = await cashiers().findOneByOrFail({ telegramId: from.id });
      await Promise.all([noticeTo(OWNER_OLGA, cashier.id), noticeTo(OWNER_OLEG, cashier.id)]);
      return cashier;
    }

    beforeAll(async () => {
      // worker: the outbox's consumers tell the cashier and the owners
      t = await createTestApp({
        webhooks: true,
        env: { TELEGRAM_API_ROOT: emulator.apiRoot, APP_ROLES: 'api,bots,worker' },
      });
      STAFF = t.config.staffBotToken;
      olga = await anAdmin(t.dataSource, { role: 'owner', telegramId: OWNER_OLGA.id, username: 'olga' });
      oleg = await anAdmin(t.dataSource, { role: 'owner', telegramId: OWNER_OLEG.id, username: 'oleg' });
      await anAdmin(t.dataSource, { role: 'marketing', telegramId: MARKETER.id });
      await anAdmin(t.dataSource, { role: 'owner', telegramId: FORMER_OWNER.id, isActive: false });
      await anAdmin(t.dataSource, { role: 'owner', telegramId: null });
    });
    afterAll(() => t.close());

    it('registers its webhook with the secret token and the update types it handles', () => {
      expect(emulator.webhookOf(STAFF)).toMatchObject({
        url: `${t.url}/telegram/staff`,
        secretToken: t.config.telegramWebhookSecret,
      });
      const setWebhook = emulator
        .callsOf('setWebhook')
        .filter((call) => call.token === STAFF)
        .at(-1);
      expect(setWebhook?.params.allowed_updates).toEqual(['message', 'callback_query']);
      const client = emulator
        .callsOf('setWebhook')
        .filter((call) => call.token === t.config.clientBotToken)
        .at(-1);
      expect(client?.params).toMatchObject({
        url: `${t.url}/telegram/client`,
        allowed_updates: expect.arrayContaining(['chat_member', 'my_chat_member']),
      });
    });

    it('keeps the staff handlers off the client bot', async () => {
      const client = t.config.clientBotToken;
      const delivered = await emulator.sendText(client, person(7100, 'Клиент'), '/start');

      expect(delivered).toMatchObject({ route: 'webhook', status: 200 });
      await t.settled();
      const replies = emulator.calls.filter((call) => call.token === client && call.method === 'sendMessage');
      expect(replies.map((call) => String(call.params.text))).toEqual([
        expect.stringContaining('Добро пожаловать в «Мармеладный Дворик»'),
      ]);
      expect(sendsTo(7100)).toHaveLength(0);
    });

    it('takes a stranger through an application, re-asking a name that does not read as one', async () => {
      const anna = person(7101, 'Анна');
      await say(anna, '/start');
      expect(emulator.lastMessageTo(anna.id, STAFF)).toMatchObject({
        text: expect.stringContaining('Чтобы стать кассиром, оставьте заявку'),
        reply_markup: {
          inline_keyboard: [[{ text: '📝 Стать кассиром', callback_data: 'cashier:register' }]],
        },
      });

      await emulator.pressButton(STAFF, anna, 'cashier:register');
      expect(lastText(anna.id)).toContain('Напишите, пожалуйста, ваши фамилию и имя');
      const dialog = `${t.config.redisPrefix}:conversation:staff:${anna.id}`;
      expect(await t.redis.ttl(dialog)).toBeGreaterThan(590);
      expect(await t.redis.ttl(dialog)).toBeLessThanOrEqual(600);

      await say(anna, 'Анна');
      expect(lastText(anna.id)).toBe('Нужны и фамилия, и имя. Попробуйте ещё раз, например: Иванова Анна.');
      await say(anna, 'Анна 🍬 Иванова');
      expect(lastText(anna.id)).toContain('только буквы, пробелы, дефис, точку и апостроф');
      expect(await cashiers().countBy({ telegramId: anna.id })).toBe(0);

      await say(anna, '  Иванова   Анна ');
      expect(lastText(anna.id)).toBe(
        'Спасибо, Иванова Анна! Заявка отправлена владельцу магазина. Я напишу, как только он её рассмотрит.',
      );
      const cashier = await cashiers().findOneByOrFail({ telegramId: anna.id });
      expect(cashier).toMatchObject({ fullName: 'Иванова Анна', status: 'pending', decidedByAdminId: null });
      expect(await t.redis.exists(dialog)).toBe(0);

      for (const owner of [OWNER_OLGA, OWNER_OLEG]) {
        const notice = await noticeTo(owner, cashier.id);
        expect(notice.message?.text).toContain('Новая заявка кассира');
        expect(notice.message?.text).toContain('Имя: Иванова Анна');
        expect(notice.message?.text).toContain('@user7101');
        expect(notice.message?.reply_markup?.inline_keyboard).toEqual([
          [
            { text: 'Одобрить', callback_data: `cashier:approve:${cashier.id}` },
            { text: 'Отклонить', callback_data: `cashier:reject:${cashier.id}` },
          ],
        ]);
      }
      await t.settled();
      expect(sendsTo(MARKETER.id)).toHaveLength(0);
      expect(sendsTo(FORMER_OWNER.id)).toHaveLength(0);
      const registered = await firstAuditRow('cashier.registered', cashier.id);
      expect(registered).toMatchObject({ actorType: 'cashier', actorId: String(cashier.id) });
      expect(registered.requestId).toMatch(/^tg-staff-\d+$/);
    });

    it('asks the owners again when Telegram failed for all of them (the outbox retries the delivery)', async () => {
      const gleb = person(7109, 'Глеб');
      emulator.failNext('sendMessage', { errorCode: 500, chatId: OWNER_OLGA.id });
      emulator.failNext('sendMessage', { errorCode: 500, chatId: OWNER_OLEG.id });
      await say(gleb, '/start');
      await emulator.pressButton(STAFF, gleb, 'cashier:register');
      await say(gleb, 'Глебов Глеб');
      const cashier = await cashiers().findOneByOrFail({ telegramId: gleb.id });
      await t.settled();
      const [delivery] = (await t.dataSource.query(
        `SELECT d.status, d.attempts FROM outbox_deliveries d JOIN outbox_events e ON e.event_id = d.event_id
          WHERE d.consumer = 'notices.ask-owners-to-decide' AND JSON_VALUE(e.payload, '$.cashier.id') = ?`,
        [cashier.id],
      )) as Array<{ status: string; attempts: number }>;
      expect(delivery).toMatchObject({ status: 'pending', attempts: 1 });

      try {
        t.clock.advance(2_000);
        await t.settled();
      } finally {
        t.clock.reset();
      }
      await Promise.all([noticeTo(OWNER_OLGA, cashier.id), noticeTo(OWNER_OLEG, cashier.id)]);
    });

    it('lets the first owner decide; the cashier is told, it is audited, and a later press changes nothing', async () => {
      const boris = person(7102, 'Борис');
      const cashier = await apply(boris, 'Борисов Борис');
      const olgasNotice = emulator.lastMessageTo(OWNER_OLGA.id, STAFF) as EmulatedMessage;
      const olegsNotice = emulator.lastMessageTo(OWNER_OLEG.id, STAFF) as EmulatedMessage;

      const pressed = await emulator.pressButton(STAFF, OWNER_OLGA, `cashier:approve:${cashier.id}`);

      expect(pressed.status).toBe(200);
      expect(lastAnswer()).toBe('Заявка одобрена');
      expect(await cashiers().findOneByOrFail({ id: cashier.id })).toMatchObject({
        status: 'approved',
        decidedByAdminId: olga.id,
        decidedAt: expect.any(Date),
      });
      expect(emulator.lastMessageTo(OWNER_OLGA.id, STAFF)).toMatchObject({
        message_id: olgasNotice.message_id,
        text: '🧾 Заявка кассира Борисов Борис: ✅ одобрена.',
      });
      expect(emulator.lastMessageTo(OWNER_OLGA.id, STAFF)?.reply_markup).toBeUndefined();
      await emulator.waitFor(
        (call) => call.chatId === boris.id && /заявка одобрена/.test(String(call.params.text)),
      );
      const approved = await firstAuditRow('cashier.approved', cashier.id);
      expect(approved).toMatchObject({
        actorType: 'admin',
        actorId: String(olga.id),
        changes: { before: { status: 'pending' }, after: { status: 'approved' } },
      });

      // Oleg presses «Отклонить» on his copy a moment later; Olga presses «Одобрить» again on hers.
      await emulator.pressButton(STAFF, OWNER_OLEG, `cashier:reject:${cashier.id}`, olegsNotice);
      expect(lastAnswer()).toBe('По этой заявке уже принято решение.');
      expect(emulator.lastMessageTo(OWNER_OLEG.id, STAFF)).toMatchObject({
        message_id: olegsNotice.message_id,
        text: '🧾 Заявка кассира Борисов Борис: ✅ одобрена.',
      });
      await emulator.pressButton(STAFF, OWNER_OLGA, `cashier:approve:${cashier.id}`, olgasNotice);
      expect(lastAnswer()).toBe('По этой заявке уже принято решение.');

      await t.settled();
      expect(await cashiers().findOneByOrFail({ id: cashier.id })).toMatchObject({
        status: 'approved',
        decidedByAdminId: olga.id,
      });
      expect(
        sendsTo(boris.id).filter((call) => /одобрена|отклонена/.test(String(call.params.text))),
      ).toHaveLength(1);
      expect(await auditRows('cashier.approved', cashier.id)).toHaveLength(1);
      expect(await auditRows('cashier.rejected', cashier.id)).toHaveLength(0);

      await say(boris, 'ABCD2345');
      expect(lastText(boris.id)).toContain('Код не найден');
      await say(boris, '/start');
      expect(lastText(boris.id)).toContain('Здравствуйте, Борисов Борис! Вы кассир');
    });

    it('rejects an application; the applicant is told and can do nothing else', async () => {
      const vera = person(7103, 'Вера');
      const cashier = await apply(vera, 'Верова Вера');

      await emulator.pressButton(STAFF, OWNER_OLEG, `cashier:reject:${cashier.id}`);

      expect(lastAnswer()).toBe('Заявка отклонена');
      expect(await cashiers().findOneByOrFail({ id: cashier.id })).toMatchObject({
        status: 'rejected',
        decidedByAdminId: oleg.id,
      });
      await emulator.waitFor(
        (call) => call.chatId === vera.id && /заявка кассира отклонена/.test(String(call.params.text)),
      );
      await eventually(async () => (await auditRows('cashier.rejected', cashier.id)).length === 1);
      for (const text of ['/start', 'ABCD2345', '/check ABCD2345']) {
        await say(vera, text);
        expect(lastText(vera.id)).toContain('заявка кассира отклонена');
      }
    });

    it('tells a pending applicant their status whatever they send, and changes nothing', async () => {
      const gleb = person(7104, 'Глеб');
      const cashier = await apply(gleb, 'Глебов Глеб');
      const offer = emulator
        .messagesTo(gleb.id, STAFF)
        .find((message) => message.reply_markup) as EmulatedMessage;

      for (const text of ['/start', 'ABCD2345', '/check ABCD2345', 'Глебов Глеб Глебович', '/foo']) {
        await say(gleb, text);
        expect(lastText(gleb.id)).toBe('Ваша заявка ждёт решения владельца магазина.');
      }
      await emulator.pressButton(STAFF, gleb, 'cashier:register', offer);
      expect(lastText(gleb.id)).toBe('Ваша заявка ждёт решения владельца магазина.');
      await emulator.deliverUpdate(STAFF, sticker(gleb, emulator.lastUpdateId + 1));
      expect(lastText(gleb.id)).toBe('Ваша заявка ждёт решения владельца магазина.');

      expect(await cashiers().findBy({ telegramId: gleb.id })).toEqual([
        expect.objectContaining({ id: cashier.id, status: 'pending', fullName: 'Глебов Глеб' }),
      ]);
    });

    it('lets only an active owner decide', async () => {
      const dasha = person(7105, 'Даша');
      const cashier = await apply(dasha, 'Дашина Дарья');
      const notice = emulator.lastMessageTo(OWNER_OLGA.id, STAFF) as EmulatedMessage;

      for (const presser of [MARKETER, FORMER_OWNER, dasha]) {
        await emulator.pressButton(STAFF, presser, `cashier:approve:${cashier.id}`, notice);
        expect(lastAnswer()).toBe('Решения по заявкам кассиров принимает владелец магазина.');
      }
      expect((await cashiers().findOneByOrFail({ id: cashier.id })).status).toBe('pending');
    });

    it('handles a webhook retry of the same update once', async () => {
      const egor = person(7106, 'Егор');
      await say(egor, '/start');
      await emulator.pressButton(STAFF, egor, 'cashier:register');
      const updatesBefore = await staffUpdatesCounted(t, 'message');

      const first = await say(egor, 'Егоров Егор');
      const retry = await emulator.deliverUpdate(STAFF, first.update);

      expect(retry).toMatchObject({ route: 'webhook', status: 200 });
      const cashier = await cashiers().findOneByOrFail({ telegramId: egor.id });
      await noticeTo(OWNER_OLGA, cashier.id);
      await t.settled();
      expect(await cashiers().countBy({ telegramId: egor.id })).toBe(1);
      expect(
        sendsTo(egor.id).filter((call) => /Заявка отправлена/.test(String(call.params.text))),
      ).toHaveLength(1);
      const notices = sendsTo(OWNER_OLGA.id).filter((call) =>
        JSON.stringify(call.params).includes(`:${cashier.id}"`),
      );
      expect(notices).toHaveLength(1);
      expect(await staffUpdatesCounted(t, 'message')).toBe(updatesBefore + 1);
    });

    it('refuses an update with a wrong or missing secret token, without handling it', async () => {
      const intruder = person(7107, 'Иван');
      for (const secretToken of ['wrong-secret-0123456789', undefined]) {
        const delivered = await say(intruder, '/start', { url: `${t.url}/telegram/staff`, secretToken });
        expect(delivered.status).toBe(403);
        expect(JSON.parse(delivered.body)).toMatchObject({ error: { code: 'WEBHOOK_SECRET_INVALID' } });
      }
      await t.settled();
      expect(sendsTo(intruder.id)).toHaveLength(0);
    });

    it('answers anything else with a short hint and never breaks', async () => {
      const zhenya = person(7108, 'Женя');
      const toStaff = { url: `${t.url}/telegram/staff`, secretToken: t.config.telegramWebhookSecret };

      await say(zhenya, '/foo');
      expect(lastText(zhenya.id)).toMatch(/^Такой команды я не знаю\.\n\nЗдравствуйте!/);
      await say(zhenya, 'привет');
      expect(lastText(zhenya.id)).toContain('Чтобы стать кассиром');
      await emulator.deliverUpdate(STAFF, sticker(zhenya, emulator.lastUpdateId + 1));
      expect(lastText(zhenya.id)).toBe('Я понимаю только текстовые сообщения и команды.');
      const offer = emulator.lastMessageTo(zhenya.id, STAFF) as EmulatedMessage;
      const withOffer = emulator
        .messagesTo(zhenya.id, STAFF)
        .find((message) => message.reply_markup) as EmulatedMessage;
      for (const data of ['zzz', 'cashier:approve:abc', 'cashier:approve:99999999999']) {
        const pressed = await emulator.pressButton(STAFF, zhenya, data, withOffer);
        expect(pressed.status).toBe(200);
        expect(lastAnswer()).toBe('Эта кнопка больше не действует.');
      }
      await emulator.pressButton(STAFF, OWNER_OLGA, 'cashier:approve:999999', withOffer);
      expect(lastAnswer()).toBe('Кассир не найден.');

      const sent = sendsTo(zhenya.id).length;
      const edited = await emulator.deliverUpdate(
        STAFF,
        {
          update_id: emulator.lastUpdateId + 1,
          edited_message: {
            ...offer,
            from: { id: zhenya.id, is_bot: false, first_name: 'Женя' },
            text: 'ой',
            edit_date: 1,
          },
        } as unknown as Update,
        toStaff,
      );
      const channelPost = await emulator.deliverUpdate(
        STAFF,
        {
          update_id: emulator.lastUpdateId + 1,
          channel_post: {
            message_id: 1,
            date: 1,
            chat: { id: -100500, type: 'channel', title: 'Канал' },
            text: 'Новости',
          },
        } as unknown as Update,
        toStaff,
      );
      expect([edited.status, channelPost.status]).toEqual([200, 200]);
      const garbage = await request(t.url)
        .post('/telegram/staff')
        .set('X-Telegram-Bot-Api-Secret-Token', t.config.telegramWebhookSecret)
        .send({ hello: 'world' });
      expect(garbage.status).toBe(400);
      expect(sendsTo(zhenya.id)).toHaveLength(sent);

      await say(zhenya, '/start');
      expect(lastText(zhenya.id)).toContain('Чтобы стать кассиром');
      await say(zhenya, '/cancel');
      expect(lastText(zhenya.id)).toBe('Отменять нечего. Чтобы начать, отправьте /start.');
    });

    it('asks to wait when Telegram fails a reply with a 5xx, and handles the update when it comes again', async () => {
      const lena = person(7111, 'Лена');
      emulator.failNext('sendMessage', { errorCode: 500, chatId: lena.id });

      const delivered = await say(lena, '/start');

      // 503: Telegram delivers the update again; meanwhile the person knows the shop is only slow.
      expect(delivered.status).toBe(503);
      expect(lastText(lena.id)).toBe(TRY_LATER_TEXT);
      const again = await emulator.deliverUpdate(STAFF, delivered.update);
      expect(again.status).toBe(200);
      expect(lastText(lena.id)).toContain('Чтобы стать кассиром');
    });

    it('stays silent in group chats, so a /login token never lands in front of others', async () => {
      const group = { id: -1009001, type: 'group', title: 'Кассиры Дворика' };
      for (const text of ['/login', '/start', 'Иванова Анна']) {
        const delivered = await emulator.deliverUpdate(STAFF, {
          update_id: emulator.lastUpdateId + 1,
          message: {
            message_id: 1,
            date: Math.floor(Date.now() / 1000),
            chat: group,
            from: { id: OWNER_OLGA.id, is_bot: false, first_name: OWNER_OLGA.first_name },
            text,
            ...(text.startsWith('/')
              ? { entities: [{ type: 'bot_command', offset: 0, length: text.length }] }
              : {}),
          },
        } as Update);
        expect(delivered.status).toBe(200);
      }
      await t.settled();
      expect(emulator.sentTo(group.id)).toHaveLength(0);
    });

    it('gives a linked admin a one-time /login token and anyone else a way to link first', async () => {
      const stranger = person(7109, 'Зоя');
      await say(stranger, '/login');
      expect(lastText(stranger.id)).toContain(
        'Вход через бота доступен администраторам, чей Telegram привязан',
      );

      await say(OWNER_OLGA, '/login');
      const reply = emulator.lastMessageTo(OWNER_OLGA.id, STAFF) as EmulatedMessage;
      const code = reply.entities?.find((entity) => entity.type === 'code');
      expect(code).toBeDefined();
      const token = (reply.text ?? '').slice(code?.offset, (code?.offset ?? 0) + (code?.length ?? 0));
      const link = reply.entities?.find((entity) => entity.type === 'text_link');
      expect(link && 'url' in link ? link.url : undefined).toBe(
        `${t.config.publicUrl}/admin/login#token=${token}`,
      );
      expect(reply.text).toContain('в течение 10 мин.');
      expect(reply.has_protected_content).toBe(true);

      const exchanged = await request(t.url).post('/api/v1/auth/telegram').send({ token });
      expect(exchanged.status).toBe(200);
      expect(exchanged.body.accessToken).toEqual(expect.any(String));
      expect((await request(t.url).post('/api/v1/auth/telegram').send({ token })).status).toBe(401);
    });

    it('links an admin’s Telegram with /link and a code from the API', async () => {
      const yana = person(7110, 'Яна');
      await say(yana, '/link');
      expect(lastText(yana.id)).toContain('Отправьте код привязки вместе с командой: /link КОД');
      await say(yana, '/link not-a-real-code');
      expect(lastText(yana.id)).toContain('Код привязки не подошёл');

      const { admin, auth } = await loginAs(t, 'marketing', { username: 'yana' });
      const issued = await request(t.url).post('/api/v1/auth/link-code').set(auth);
      expect(issued.status).toBe(201);
      await say(yana, `/link ${issued.body.code}`);

      expect(lastText(yana.id)).toBe(
        'Готово! Этот Telegram привязан к администратору yana. Теперь можно входить командой /login.',
      );
      expect((await t.dataSource.getRepository(Admin).findOneByOrFail({ id: admin.id })).telegramId).toBe(
        yana.id,
      );
      await say(yana, '/login');
      expect(lastText(yana.id)).toContain('Войти в панель администратора');
    });
  });

  describe('by long polling (no PUBLIC_URL)', () => {
    let t: TestApp;
    let closed = false;
    beforeAll(async () => {
      t = await createTestApp({
        reset: false,
        env: { TELEGRAM_API_ROOT: emulator.apiRoot, APP_ROLES: 'bots' },
      });
    });
    afterAll(() => (closed ? undefined : t.close()));

    it('polls for updates, answers them, and stops polling at shutdown', async () => {
      const STAFF = t.config.staffBotToken;
      await eventually(() => emulator.webhookOf(STAFF) === undefined);
      const kira = person(7201, 'Кира');

      const queued = await emulator.sendText(STAFF, kira, '/start');

      expect(queued.route).toBe('queue');
      const reply = await emulator.waitFor(
        (call) => call.chatId === kira.id && call.method === 'sendMessage',
      );
      expect(reply.params.text).toContain('Чтобы стать кассиром');

      const started = Date.now();
      await t.close();
      closed = true;
      expect(Date.now() - started).toBeLessThan(5000);
      const polls = emulator.callsOf('getUpdates').length;
      await sleep(1500);
      expect(emulator.callsOf('getUpdates').length).toBe(polls);
    });
  });
});

/** A sticker from the person, as Telegram sends it. */
function sticker(from: FakeUser, updateId: number): Update {
  return {
    update_id: updateId,
    message: {
      message_id: Math.floor(Date.now() / 1000),
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

/** The staff bot's handled-updates counter of this type, from /metrics. */
async function staffUpdatesCounted(t: TestApp, type: string): Promise<number> {
  const metrics = await request(t.url).get('/metrics');
  const line = metrics.text
    .split('\n')
    .find((l) => l.startsWith(`dvorik_bot_updates_total{bot="staff",type="${type}"}`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}
