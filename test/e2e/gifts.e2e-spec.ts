import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/common/audit/audit-entry';
import { JobIds, QueueName } from '../../src/infrastructure/queues/jobs';
import { AuditLog } from '../../src/modules/audit/persistence/audit-log.entity';
import { shopTimeText } from '../../src/modules/codes/domain/shop-time-text';
import { Discount, DiscountReason } from '../../src/modules/codes/persistence/discount.entity';
import {
  GrantSubscriptionGiftCommand,
  GrantSubscriptionGiftHandler,
} from '../../src/modules/gifts/commands/subscription-gift.commands';
import { SUBSCRIPTION_GIFT_FIRST_DELAY_MS } from '../../src/modules/gifts/events/subscription-gift.consumers';
import { ChangeSettingCommand } from '../../src/modules/settings/commands/change-setting.command';
import { User } from '../../src/modules/users/persistence/user.entity';
import { loginAs } from '../support/auth';
import { aDiscount, aDiscountTemplate, aUser, manyUsers } from '../support/factories';
import { TelegramEmulator } from '../support/telegram-emulator/telegram-emulator';
import type { FakeUser, RecordedCall } from '../support/telegram-emulator/types';
import { createTestApp, eventually, TestApp } from '../support/test-app';

const CHANNEL = '@marmeladny_dvorik';
const TZ = 'Asia/Vladivostok';
const POS_KEY = { 'X-API-Key': 'pos-test-key-0123456789abcdef' };
/** `eventually` for a check that answers null until its value is there. */
const until = async <T>(check: () => Promise<T | null>, timeoutMs?: number): Promise<T> =>
  (await eventually(check, timeoutMs)) as T;

let nextId = 7600;
const person = (first_name: string): FakeUser => ({ id: ++nextId, first_name, language_code: 'ru' });
let keys = 0;

describe('gifts: subscription, referral, announcements and «Мои скидки» (bots, worker, emulator)', () => {
  let emulator: TelegramEmulator;
  let t: TestApp;
  let CLIENT: string;
  let auth: { Authorization: string };

  const say = (who: FakeUser, text: string) => emulator.sendText(CLIENT, who, text);
  const press = (who: FakeUser, data: string) => emulator.pressButton(CLIENT, who, data);
  const lastText = (who: FakeUser) => emulator.lastMessageTo(who.id, CLIENT)?.text;
  const clientSends = (chatId: number): RecordedCall[] =>
    emulator.sentTo(chatId).filter((call) => call.token === CLIENT);
  const sendsContaining = (chatId: number, text: string) =>
    clientSends(chatId).filter((call) => String(call.params.text ?? call.params.caption).includes(text));
  const userOf = (who: FakeUser) => t.dataSource.getRepository(User).findOneByOrFail({ telegramId: who.id });
  const codesOf = (userId: number, reason: DiscountReason) =>
    t.dataSource.getRepository(Discount).find({ where: { userId, reason }, order: { id: 'ASC' } });
  const reload = (id: number) => t.dataSource.getRepository(Discount).findOneByOrFail({ id });
  const pos = (path: 'validate' | 'redeem', body: object) =>
    request(t.url)
      .post(`/internal/v1/discounts/${path}`)
      .set(POS_KEY)
      .send(path === 'redeem' ? { terminalId: 'till-1', idempotencyKey: `gift-${++keys}`, ...body } : body);
  const setting = (key: string, value: unknown) =>
    t.commands.execute(new ChangeSettingCommand(key, value, SYSTEM_ACTOR));

  const notices = () => t.get<Queue>(getQueueToken(QueueName.Notifications));

  /** The notice job's answer once it has run (`{ sent, reason? }`). */
  async function noticeResult(jobId: string): Promise<Record<string, unknown>> {
    const queue = notices();
    // Read again once completed: a job read before it finished carries no return value.
    const job = await eventually(
      async () => ((await (await queue.getJob(jobId))?.isCompleted()) ? queue.getJob(jobId) : null),
      10_000,
    );
    return job?.returnvalue as Record<string, unknown>;
  }

  async function registered(name: string): Promise<FakeUser> {
    const who = person(name);
    await say(who, '/start');
    return who;
  }

  /** «📢 Подписаться», a channel member, «Я подписался». */
  async function subscribe(who: FakeUser) {
    await say(who, '📢 Подписаться');
    emulator.setChatMember(CHANNEL, who.id, 'member');
    return press(who, 'sub:check');
  }

  const channel = () => ({ id: emulator.chatIdOf(CHANNEL) as number, username: 'marmeladny_dvorik' });

  beforeAll(async () => {
    emulator = await TelegramEmulator.start();
    t = await createTestApp({
      webhooks: true,
      env: { TELEGRAM_API_ROOT: emulator.apiRoot, APP_ROLES: 'api,bots,worker' },
    });
    CLIENT = t.config.clientBotToken;
    ({ auth } = await loginAs(t, 'marketing'));
  });
  afterAll(async () => {
    await t.close();
    await emulator.stop();
  });

  describe('subscription gift', () => {
    it('answers «Я подписался» with the code, once: a second press and a webhook retry give nothing more', async () => {
      const lena = await registered('Лена');

      const first = await subscribe(lena);

      const user = await userOf(lena);
      const [gift, ...more] = await codesOf(user.id, 'subscription');
      expect(more).toHaveLength(0);
      expect(gift).toMatchObject({ templateId: 1, periodKey: 'once', status: 'active', suspendedAt: null });
      expect(lastText(lena)).toBe(
        'Спасибо за подписку, Лена! 🎉\n\nВаш подарок — скидка 10\u00A0%.\n' +
          `Код: ${gift.code}\nДействует до ${shopTimeText(gift.expiresAt as Date, TZ)}.\n\n` +
          'Покажите код кассиру при покупке.',
      );

      await press(lena, 'sub:check');
      expect(lastText(lena)).toContain('Подарок за подписку выдаётся один раз');
      const retried = await emulator.deliverUpdate(CLIENT, first.update);
      expect(retried.status).toBe(200);

      // One writer: the UserSubscribed listener issued the gift unannounced, and the reply read its result.
      expect(await notices().getJob(JobIds.discountIssuedNotice(gift.id))).toBeUndefined();
      expect(await codesOf(user.id, 'subscription')).toHaveLength(1);
      expect(sendsContaining(lena.id, gift.code)).toHaveLength(1);
    });

    it('gives one gift when «Я подписался» is pressed twice at once', async () => {
      const max = await registered('Макс');
      await say(max, '📢 Подписаться');
      emulator.setChatMember(CHANNEL, max.id, 'member');

      await Promise.all([press(max, 'sub:check'), press(max, 'sub:check')]);

      const user = await userOf(max);
      const gifts = await codesOf(user.id, 'subscription');
      expect(gifts).toHaveLength(1);
      const texts = clientSends(max.id).map((call) => String(call.params.text));
      expect(texts.filter((text) => text.startsWith('Спасибо за подписку'))).toHaveLength(1);
      expect(texts.filter((text) => text.includes('Подарок за подписку выдаётся один раз'))).toHaveLength(1);
      expect(await notices().getJob(JobIds.discountIssuedNotice(gifts[0].id))).toBeUndefined();
      expect(sendsContaining(max.id, gifts[0].code)).toHaveLength(1);
    });

    it('gives the gift through the outbox when the grant after the commit fails: one gift, announced once', async () => {
      const grant = jest
        .spyOn(t.get(GrantSubscriptionGiftHandler), 'execute')
        .mockRejectedValueOnce(new Error('the database went away'));
      try {
        const nina = await registered('Нина');
        await subscribe(nina);
        const user = await userOf(nina);
        expect(grant).toHaveBeenCalledTimes(1);
        expect(await codesOf(user.id, 'subscription')).toHaveLength(0);

        // The durable path: the consumer's first attempt is due a few seconds after the fact.
        t.clock.advance(SUBSCRIPTION_GIFT_FIRST_DELAY_MS + 100);
        await t.settled();

        const gifts = await codesOf(user.id, 'subscription');
        expect(gifts).toHaveLength(1);
        expect(gifts[0]).toMatchObject({ periodKey: 'once', status: 'active' });
        await emulator.waitFor(
          (call) =>
            call.token === CLIENT &&
            call.chatId === nina.id &&
            String(call.params.text).includes(gifts[0].code),
        );
        const [delivery] = (await t.dataSource.query(
          `SELECT d.status FROM outbox_deliveries d JOIN outbox_events e ON e.event_id = d.event_id
            WHERE d.consumer = 'gifts.subscription-gift' AND e.type = 'user.subscribed'
              AND JSON_VALUE(e.payload, '$.userId') = ?`,
          [user.id],
        )) as Array<{ status: string }>;
        expect(delivery.status).toBe('done');
        // Once more (a redelivery): still one gift, no second announcement.
        await t.commands.execute(new GrantSubscriptionGiftCommand(user.id, true));
        await t.settled();
        expect(await codesOf(user.id, 'subscription')).toHaveLength(1);
        expect(sendsContaining(nina.id, gifts[0].code)).toHaveLength(1);
      } finally {
        grant.mockRestore();
        t.clock.reset();
      }
    });

    it('the durable path finds the gift the reply showed and gives nothing more', async () => {
      const ivan = await registered('Иван');
      await subscribe(ivan);
      const user = await userOf(ivan);
      const [gift] = await codesOf(user.id, 'subscription');
      try {
        t.clock.advance(SUBSCRIPTION_GIFT_FIRST_DELAY_MS + 100);
        await t.settled();
      } finally {
        t.clock.reset();
      }
      expect(await codesOf(user.id, 'subscription')).toHaveLength(1);
      expect(await notices().getJob(JobIds.discountIssuedNotice(gift.id))).toBeUndefined();
      expect(sendsContaining(ivan.id, gift.code)).toHaveLength(1);
    });

    it('announces the gift of a client who joins the channel without pressing the button', async () => {
      const mark = await registered('Марк');

      await emulator.chatMemberUpdate(CLIENT, channel(), mark, 'left', 'member');

      const user = await userOf(mark);
      const [gift] = await until(async () => {
        const found = await codesOf(user.id, 'subscription');
        return found.length === 1 ? found : null;
      });
      const announced = await emulator.waitFor(
        (call) =>
          call.token === CLIENT && call.chatId === mark.id && String(call.params.text).includes(gift.code),
      );
      expect(announced.params.text).toBe(
        `Марк, для вас подарок! 🎁\n\nСкидка 10 % на одну покупку — спасибо, что подписались на наш канал!\n` +
          `Скидка: <b>10\u00A0%</b>\nКод: <code>${gift.code}</code>\n` +
          `Действует до ${shopTimeText(gift.expiresAt as Date, TZ)}.`,
      );
      expect(announced.params.parse_mode).toBe('HTML');
    });

    it('suspends an unused gift while the client is away, and restores it when they return: no second gift', async () => {
      const olya = await registered('Оля');
      await subscribe(olya);
      const user = await userOf(olya);
      const [gift] = await codesOf(user.id, 'subscription');

      await emulator.chatMemberUpdate(CLIENT, channel(), olya, 'member', 'left');

      await eventually(async () => (await reload(gift.id)).suspendedAt !== null);
      const refused = await pos('validate', { code: gift.code });
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({ code: 'CODE_REVOKED', details: { suspended: true } });
      const notRedeemed = await pos('redeem', { code: gift.code });
      expect(notRedeemed.body.error.code).toBe('CODE_REVOKED');
      expect(await reload(gift.id)).toMatchObject({ status: 'active', usedAt: null });
      await say(olya, '🎁 Мои скидки');
      expect(lastText(olya)).toContain('Пока у вас нет действующих скидок.');

      await emulator.chatMemberUpdate(CLIENT, channel(), olya, 'left', 'member');

      await eventually(async () => (await reload(gift.id)).suspendedAt === null);
      const valid = await pos('validate', { code: gift.code });
      expect(valid.status).toBe(200);
      expect(valid.body).toMatchObject({ valid: true, code: gift.code });
      expect(await codesOf(user.id, 'subscription')).toHaveLength(1);
      const audit = (action: string) =>
        t.dataSource
          .getRepository(AuditLog)
          .findBy({ action, entityType: 'user', entityId: String(user.id) });
      await eventually(async () => (await audit('discount.restored')).length === 1);
      expect(await audit('discount.suspended')).toHaveLength(1);

      const redeemed = await pos('redeem', { code: gift.code });
      expect(redeemed.status).toBe(200);
      // A used gift stays used when its owner leaves.
      await emulator.chatMemberUpdate(CLIENT, channel(), olya, 'member', 'left');
      await t.settled();
      expect(await reload(gift.id)).toMatchObject({ status: 'used', suspendedAt: null });
    });

    it('gives nothing while subscription.template_id is null, and still thanks the client', async () => {
      await setting('subscription.template_id', null);
      try {
        const pavel = await registered('Павел');
        await subscribe(pavel);
        // The reply came after the grant finished (it reads the grant's result): nothing is on its way.
        expect(lastText(pavel)).toBe('Подписка подтверждена — спасибо, что вы с нами! 💛');
        expect(await codesOf((await userOf(pavel)).id, 'subscription')).toHaveLength(0);
      } finally {
        await setting('subscription.template_id', 1);
      }
    });
  });

  describe('announcements', () => {
    it('announces a manual issue with discount_issued, and a redemption with discount_redeemed', async () => {
      const rita = await registered('Рита');
      const user = await userOf(rita);

      const issued = await request(t.url)
        .post('/api/v1/discounts')
        .set(auth)
        .send({ userId: user.id, templateId: 3 });
      expect(issued.status).toBe(201);
      const code = issued.body.code as string;

      const announcement = await emulator.waitFor(
        (call) => call.chatId === rita.id && String(call.params.text).includes(code),
      );
      expect(announcement.params.text).toContain('Рита, для вас подарок! 🎁');
      expect(announcement.params.text).toContain('Скидка 5 % на одну покупку от «Мармеладного Дворика».');
      expect(await noticeResult(JobIds.discountIssuedNotice(issued.body.id))).toMatchObject({ sent: true });

      const redeemed = await pos('redeem', { code });
      expect(redeemed.status).toBe(200);
      const notice = await emulator.waitFor(
        (call) => call.chatId === rita.id && String(call.params.text).includes('погашен'),
      );
      expect(notice.params.text).toBe(
        `Код <code>${code}</code> погашен: скидка <b>5\u00A0%</b> применена ✅\nСпасибо за покупку, приходите ещё! 🍬`,
      );
    });

    it('marks a client who blocked the bot as blocked when the announcement gets 403', async () => {
      const user = await aUser(t.dataSource, { telegramId: 7699 });
      emulator.blockChat(7699);

      const issued = await request(t.url)
        .post('/api/v1/discounts')
        .set(auth)
        .send({ userId: user.id, templateId: 3 });

      expect(await noticeResult(JobIds.discountIssuedNotice(issued.body.id))).toEqual({
        sent: false,
        reason: 'blocked',
      });
      expect(await t.dataSource.getRepository(User).findOneByOrFail({ id: user.id })).toMatchObject({
        status: 'blocked',
      });
      emulator.unblockChat(7699);
    });

    it('waits out Telegram’s 429 (retry_after) and then announces, once', async () => {
      const user = await aUser(t.dataSource, { firstName: 'Терпеливая', telegramId: 7698 });
      emulator.failNext('sendMessage', { errorCode: 429, retryAfter: 1, chatId: 7698 });

      const issued = await request(t.url)
        .post('/api/v1/discounts')
        .set(auth)
        .send({ userId: user.id, templateId: 3 });

      expect(await noticeResult(JobIds.discountIssuedNotice(issued.body.id))).toMatchObject({ sent: true });
      const calls = clientSends(7698);
      expect(calls.map((call) => call.response.status)).toEqual([429, 200]);
      expect(calls[1].at.getTime() - calls[0].at.getTime()).toBeGreaterThanOrEqual(900);
      expect(calls[1].params.text).toContain(issued.body.code);
    });

    it('announces a bulk issue through the shared limiter: every client once, never more than 30 a second', async () => {
      await manyUsers(t.dataSource, 60, (i) => ({ firstName: `Оптовый${i}`, telegramId: 5_100_000 + i }));
      const ids = (await t.dataSource.query(
        'SELECT id FROM users WHERE telegram_id BETWEEN 5100000 AND 5100059 ORDER BY id',
      )) as Array<{ id: number }>;

      const started = await request(t.url)
        .post('/api/v1/users/bulk/discounts')
        .set(auth)
        .send({ templateId: 3, userIds: ids.map((row) => Number(row.id)) });
      expect(started.status).toBe(202);

      const announcements = () =>
        emulator.calls.filter(
          (call) =>
            call.token === CLIENT &&
            call.method === 'sendMessage' &&
            (call.chatId ?? 0) >= 5_100_000 &&
            (call.chatId ?? 0) < 5_100_060,
        );
      await eventually(() => announcements().length === 60, 20_000, 100);
      const times = announcements()
        .map((call) => call.at.getTime())
        .sort((a, b) => a - b);
      expect(new Set(announcements().map((call) => call.chatId)).size).toBe(60);
      const busiestSecond = Math.max(
        ...times.map((start) => times.filter((at) => at >= start && at < start + 1000).length),
      );
      expect(busiestSecond).toBeLessThanOrEqual(30);
      // 60 messages at 25 a second take more than two seconds.
      expect(times[59] - times[0]).toBeGreaterThanOrEqual(1800);
    });
  });

  describe('referral reward', () => {
    it('gives the friend and the inviter a code on the friend’s first redemption, and never again', async () => {
      const template = await aDiscountTemplate(t.dataSource, {
        name: 'За друга',
        value: 7,
        description: 'Скидка 7 % за приглашённого друга',
      });
      await setting('referral.template_id', template.id);
      try {
        const inviter = await aUser(t.dataSource, { firstName: 'Вера', telegramId: 7681 });
        const friend = await aUser(t.dataSource, {
          firstName: 'Гоша',
          telegramId: 7682,
          referredByUserId: inviter.id,
        });
        const loner = await aUser(t.dataSource, { firstName: 'Одинокий', telegramId: 7683 });
        const [first, second] = [
          await aDiscount(t.dataSource, friend),
          await aDiscount(t.dataSource, friend),
        ];
        const lonerCode = await aDiscount(t.dataSource, loner);

        expect((await pos('redeem', { code: first.code })).status).toBe(200);

        const [friendGift] = await until(async () => {
          const found = await codesOf(friend.id, 'referral');
          return found.length === 1 ? found : null;
        });
        const [inviterGift, ...more] = await until(async () => {
          const found = await codesOf(inviter.id, 'referral');
          return found.length > 0 ? found : null;
        });
        expect(more).toHaveLength(0);
        expect(friendGift).toMatchObject({
          templateId: template.id,
          periodKey: `ref-by-${inviter.id}`,
          value: 7,
        });
        expect(inviterGift).toMatchObject({ templateId: template.id, periodKey: `ref-${friend.id}` });
        await emulator.waitFor(
          (call) => call.chatId === 7681 && String(call.params.text).includes(inviterGift.code),
        );
        await emulator.waitFor(
          (call) => call.chatId === 7682 && String(call.params.text).includes(friendGift.code),
        );

        // The friend's second redemption, and the reward code's own, are not first redemptions.
        const again = await pos('redeem', { code: second.code });
        const rewardUsed = await pos('redeem', { code: friendGift.code });
        expect([again.status, rewardUsed.status]).toEqual([200, 200]);
        expect((await pos('redeem', { code: lonerCode.code })).status).toBe(200);
        await noticeResult(JobIds.discountRedeemedNotice(rewardUsed.body.redemptionId));
        await noticeResult(JobIds.discountRedeemedNotice(again.body.redemptionId));
        await t.settled();
        expect(await codesOf(friend.id, 'referral')).toHaveLength(1);
        expect(await codesOf(inviter.id, 'referral')).toHaveLength(1);
        expect(await codesOf(loner.id, 'referral')).toHaveLength(0);
      } finally {
        await setting('referral.template_id', null);
      }
    });

    it('gives nothing while referral.template_id is null', async () => {
      const inviter = await aUser(t.dataSource, { telegramId: 7684 });
      const friend = await aUser(t.dataSource, { telegramId: 7685, referredByUserId: inviter.id });
      const code = await aDiscount(t.dataSource, friend);

      const redeemed = await pos('redeem', { code: code.code });

      await noticeResult(JobIds.discountRedeemedNotice(redeemed.body.redemptionId));
      await t.settled();
      expect(await codesOf(friend.id, 'referral')).toHaveLength(0);
      expect(await codesOf(inviter.id, 'referral')).toHaveLength(0);
    });
  });

  describe('«🎁 Мои скидки»', () => {
    it('lists the codes that work now, newest first, with a QR button each; the QR comes as a picture', async () => {
      const vika = await registered('Вика');
      const user = await userOf(vika);
      const day = 86_400_000;
      const soon = new Date(Date.now() + 5 * day);
      const older = await aDiscount(t.dataSource, user, {
        code: 'GREEN234',
        expiresAt: soon,
        createdAt: new Date(Date.now() - 2 * day),
      });
      const newer = await aDiscount(t.dataSource, user, {
        code: 'BRAVE234',
        templateId: 2,
        reason: 'birthday',
        value: 15,
        expiresAt: null,
        createdAt: new Date(Date.now() - day),
      });
      await aDiscount(t.dataSource, user, { code: 'USEDX234', status: 'used', usedAt: new Date() });
      await aDiscount(t.dataSource, user, { code: 'PASTX234', expiresAt: new Date(Date.now() - 1000) });
      await aDiscount(t.dataSource, user, { code: 'AWAYX234', suspendedAt: new Date() });
      await aDiscount(t.dataSource, user, { code: 'GONEX234', status: 'revoked' });

      await say(vika, '🎁 Мои скидки');

      const message = emulator.lastMessageTo(vika.id, CLIENT);
      expect(message?.text).toBe(
        '🎁 Ваши скидки\nПокажите код кассиру перед оплатой:\n\n' +
          'BRAVE234 — скидка 15\u00A0%\nСкидка 15 % на одну покупку — с днём рождения от «Мармеладного Дворика»!\n' +
          'Действует бессрочно\n\n' +
          'GREEN234 — скидка 10\u00A0%\nСкидка 10 % на одну покупку — спасибо, что подписались на наш канал!\n' +
          `Действует до ${shopTimeText(soon, TZ)}`,
      );
      expect(message?.reply_markup?.inline_keyboard).toEqual([
        [{ text: '📱 Показать QR · BRAVE234', callback_data: 'qr:BRAVE234' }],
        [{ text: '📱 Показать QR · GREEN234', callback_data: 'qr:GREEN234' }],
      ]);

      await press(vika, `qr:${newer.code}`);

      const photo = emulator.callsOf('sendPhoto').find((call) => call.chatId === vika.id);
      expect(photo?.response.status).toBe(200);
      expect(photo?.params.photo).toMatchObject({ filename: 'BRAVE234.png', size: expect.any(Number) });
      expect((photo?.params.photo as { size: number }).size).toBeGreaterThan(500);
      expect(photo?.params.caption).toContain('BRAVE234');
      expect(emulator.lastMessageTo(vika.id, CLIENT)?.caption).toContain('BRAVE234 — скидка 15\u00A0%');

      // A code used meanwhile: no picture, a short note.
      await t.dataSource.getRepository(Discount).update(older.id, { status: 'used', usedAt: new Date() });
      await press(vika, `qr:${older.code}`);
      expect(emulator.callsOf('answerCallbackQuery').at(-1)?.params.text).toContain('больше не действует');
      expect(emulator.callsOf('sendPhoto').filter((call) => call.chatId === vika.id)).toHaveLength(1);
    });
  });
});
