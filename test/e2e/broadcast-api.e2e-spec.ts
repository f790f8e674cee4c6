import { DateTime } from 'luxon';
import request from 'supertest';
import { AuditLog } from '../../src/modules/audit/persistence/audit-log.entity';
import { Broadcast } from '../../src/modules/broadcasts/persistence/broadcast.entity';
import { loginAs } from '../support/auth';
import { aSegment, createBroadcast } from '../support/broadcasts';
import { aUser } from '../support/factories';
import { TelegramEmulator } from '../support/telegram-emulator/telegram-emulator';
import { createTestApp, eventually, TestApp } from '../support/test-app';

const FILE_ID = 'BAACAgIAAxkBAAIBaGZmYWJjZGVmZ2hpamtsbW5vcHFy';

describe('broadcasts API', () => {
  let emulator: TelegramEmulator;
  let t: TestApp;
  let owner: { Authorization: string };
  let marketing: { Authorization: string };
  let readonly: { Authorization: string };
  let marketingId: number;

  const api = () => request(t.url);
  const post = (path: string, auth: { Authorization: string }, body: object = {}) =>
    api().post(`/api/v1/broadcasts${path}`).set(auth).send(body);
  const errorOf = (response: request.Response) => [response.status, response.body.error?.code];

  beforeAll(async () => {
    emulator = await TelegramEmulator.start();
    // No worker: these tests look at the API; the pipeline has its own files.
    t = await createTestApp({ env: { TELEGRAM_API_ROOT: emulator.apiRoot, APP_ROLES: 'api' } });
    ({ auth: owner } = await loginAs(t, 'owner'));
    let admin;
    ({ auth: marketing, admin } = await loginAs(t, 'marketing', { telegramId: 5550001 }));
    marketingId = admin.id;
    ({ auth: readonly } = await loginAs(t, 'readonly'));
  });
  afterAll(async () => {
    await t.close();
    await emulator.stop();
  });
  beforeEach(() => {
    emulator.reset();
    t.clock.reset();
  });

  describe('drafts', () => {
    it('creates a draft (201, audited) that every admin can read and only owner and marketing can write', async () => {
      const created = await post('', marketing, {
        title: 'Весенняя распродажа',
        text: '<b>Скидки</b> на весь мармелад',
        buttons: [[{ text: 'Открыть', url: 'https://marmeladny-dvorik.ru' }]],
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        id: expect.any(Number),
        title: 'Весенняя распродажа',
        contentType: 'text',
        status: 'draft',
        segmentId: null,
        isTest: false,
        createdByAdminId: marketingId,
        targetCount: 0,
        buttons: [[{ text: 'Открыть', url: 'https://marmeladny-dvorik.ru' }]],
      });
      const { id } = created.body as { id: number };
      expect((await api().get(`/api/v1/broadcasts/${id}`).set(readonly)).body.title).toBe(
        'Весенняя распродажа',
      );
      expect(errorOf(await post('', readonly, { title: 'x', text: 'y' }))).toEqual([403, 'FORBIDDEN_ROLE']);
      expect(
        errorOf(await api().patch(`/api/v1/broadcasts/${id}`).set(readonly).send({ title: 'z' })),
      ).toEqual([403, 'FORBIDDEN_ROLE']);
      for (const action of ['schedule', 'send', 'cancel', 'test']) {
        expect(errorOf(await post(`/${id}/${action}`, readonly))).toEqual([403, 'FORBIDDEN_ROLE']);
      }
      expect(errorOf(await api().get(`/api/v1/broadcasts/${id}`))).toEqual([401, 'AUTH_REQUIRED']);
      const audit = await eventually(() =>
        t.dataSource.getRepository(AuditLog).findOneBy({ action: 'broadcast.created', entityId: String(id) }),
      );
      expect(audit).toMatchObject({
        actorType: 'admin',
        actorId: String(marketingId),
        entityType: 'broadcast',
      });
    });

    it('refuses empty broadcasts, bad media, too long texts, bad HTML and buttons, unknown segments', async () => {
      const cases: Array<[object, number, string]> = [
        [{ text: '  ' }, 422, 'BROADCAST_EMPTY'],
        [{ contentType: 'photo' }, 422, 'BROADCAST_EMPTY'],
        [{ contentType: 'photo', text: 'подпись' }, 422, 'MEDIA_INVALID'],
        [{ contentType: 'photo', media: 'http://example.com/a.jpg' }, 422, 'MEDIA_INVALID'],
        [{ contentType: 'video', media: 'файл' }, 422, 'MEDIA_INVALID'],
        [{ text: 'текст', media: FILE_ID }, 422, 'MEDIA_INVALID'],
        [{ text: 'я'.repeat(4097) }, 400, 'VALIDATION_FAILED'],
        [{ contentType: 'photo', media: FILE_ID, text: 'я'.repeat(1025) }, 400, 'VALIDATION_FAILED'],
        [{ text: '<b>не закрыт' }, 400, 'VALIDATION_FAILED'],
        [{ text: 'ok', buttons: [[{ text: 'Сайт', url: 'http://example.com' }]] }, 400, 'VALIDATION_FAILED'],
        [{ text: 'ok', buttons: [{ text: 'Сайт', url: 'https://example.com' }] }, 400, 'VALIDATION_FAILED'],
        [{ text: 'ok', segmentId: 999_999 }, 404, 'SEGMENT_NOT_FOUND'],
        [{ text: 'ok', color: 'red' }, 400, 'VALIDATION_FAILED'],
        [{ text: 'ok', contentType: 'audio' }, 400, 'VALIDATION_FAILED'],
      ];
      for (const [body, status, code] of cases) {
        const response = await post('', owner, { title: 'Проверка', ...body });
        expect({ body, got: errorOf(response) }).toEqual({ body, got: [status, code] });
      }
      const long = await post('', owner, { title: 'Длинная', text: `<b>${'я'.repeat(4096)}</b>` });
      expect(long.status).toBe(201);
      const tooLong = await post('', owner, { title: 'Длинная', text: 'я'.repeat(4097) });
      expect(tooLong.body.error.details.fields[0]).toEqual({
        field: 'text',
        errors: ['a text is at most 4096 characters, this one 4097'],
      });
      expect(await t.dataSource.getRepository(Broadcast).countBy({ title: 'Проверка' })).toBe(0);
    });

    it('accepts a photo by file_id and a video by https URL with a caption, and a saved segment', async () => {
      const segment = await aSegment(t, { all: [{ field: 'tags', op: 'any', value: ['сладкоежка'] }] });
      const photo = await post('', owner, {
        title: 'Фото',
        contentType: 'photo',
        media: FILE_ID,
        text: 'Подпись <i>к фото</i>',
        segmentId: segment.id,
      });
      expect(photo.status).toBe(201);
      expect(photo.body).toMatchObject({ contentType: 'photo', media: FILE_ID, segmentId: segment.id });
      const video = await post('', owner, {
        title: 'Видео',
        contentType: 'video',
        media: 'https://cdn.marmeladny-dvorik.ru/v.mp4',
      });
      expect(video.status).toBe(201);
    });

    it('edits a draft (only what was sent changes) and nothing else', async () => {
      const draft = await createBroadcast(t, owner, { title: 'Черновик', text: 'Первый текст' });
      const edited = await api()
        .patch(`/api/v1/broadcasts/${draft.id}`)
        .set(marketing)
        .send({ text: 'Второй <b>текст</b>', isTest: true });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ title: 'Черновик', text: 'Второй <b>текст</b>', isTest: true });
      const toPhoto = await api()
        .patch(`/api/v1/broadcasts/${draft.id}`)
        .set(marketing)
        .send({ contentType: 'photo', media: FILE_ID });
      expect(toPhoto.body).toMatchObject({
        contentType: 'photo',
        media: FILE_ID,
        text: 'Второй <b>текст</b>',
      });
      const backToText = await api()
        .patch(`/api/v1/broadcasts/${draft.id}`)
        .set(marketing)
        .send({ contentType: 'text' });
      expect(backToText.body).toMatchObject({ contentType: 'text', media: null });
      const empty = await api().patch(`/api/v1/broadcasts/${draft.id}`).set(marketing).send({ text: null });
      expect(errorOf(empty)).toEqual([422, 'BROADCAST_EMPTY']);

      await post(`/${draft.id}/schedule`, marketing, { scheduledAt: '2099-01-01T10:00' });
      const late = await api()
        .patch(`/api/v1/broadcasts/${draft.id}`)
        .set(marketing)
        .send({ title: 'Поздно' });
      expect(errorOf(late)).toEqual([409, 'BROADCAST_NOT_EDITABLE']);
      const audit = await eventually(() =>
        t.dataSource
          .getRepository(AuditLog)
          .findOneBy({ action: 'broadcast.updated', entityId: String(draft.id) }),
      );
      expect(audit?.changes).toMatchObject({ fields: ['text', 'isTest'] });
    });

    it('answers BROADCAST_NOT_FOUND for an unknown id', async () => {
      expect(errorOf(await api().get('/api/v1/broadcasts/987654').set(readonly))).toEqual([
        404,
        'BROADCAST_NOT_FOUND',
      ]);
      expect(errorOf(await post('/987654/send', owner))).toEqual([404, 'BROADCAST_NOT_FOUND']);
    });
  });

  describe('scheduling', () => {
    it('reads a time without an offset in shop time and honours an offset', async () => {
      const draft = await createBroadcast(t, owner, { text: 'К 8 марта' });
      const local = await post(`/${draft.id}/schedule`, owner, { scheduledAt: '2099-03-08T10:00' });
      expect(local.status).toBe(200);
      expect(local.body).toMatchObject({ status: 'scheduled', scheduledAt: '2099-03-08T00:00:00.000Z' });
      const moved = await post(`/${draft.id}/schedule`, owner, { scheduledAt: '2099-03-08T10:00:00+03:00' });
      expect(moved.body.scheduledAt).toBe('2099-03-08T07:00:00.000Z');
      const audit = await eventually(() =>
        t.dataSource
          .getRepository(AuditLog)
          .find({ where: { action: 'broadcast.scheduled', entityId: String(draft.id) } }),
      );
      expect(audit).toHaveLength(2);
    });

    it('refuses the past, malformed times, and broadcasts that are not drafts or scheduled', async () => {
      const draft = await createBroadcast(t, owner, { text: 'Прошлое' });
      expect(
        errorOf(await post(`/${draft.id}/schedule`, owner, { scheduledAt: '2020-01-01T10:00' })),
      ).toEqual([422, 'BROADCAST_SCHEDULE_IN_PAST']);
      // "Now" two hours ahead; times without an offset are Vladivostok's.
      const shopNow = DateTime.now().setZone('Asia/Vladivostok').plus({ hours: 2 }).startOf('minute');
      t.clock.set(shopNow.toJSDate());
      const local = (dt: DateTime) => dt.toFormat("yyyy-MM-dd'T'HH:mm");
      expect(
        errorOf(
          await post(`/${draft.id}/schedule`, owner, { scheduledAt: local(shopNow.minus({ minutes: 30 })) }),
        ),
      ).toEqual([422, 'BROADCAST_SCHEDULE_IN_PAST']);
      const soon = await post(`/${draft.id}/schedule`, owner, {
        scheduledAt: local(shopNow.plus({ minutes: 1 })),
      });
      expect(soon.body.scheduledAt).toBe(shopNow.plus({ minutes: 1 }).toUTC().toISO());
      t.clock.reset();
      for (const scheduledAt of ['завтра', '2099-03-08', '2099-13-01T10:00', 42]) {
        expect(errorOf(await post(`/${draft.id}/schedule`, owner, { scheduledAt }))).toEqual([
          400,
          'VALIDATION_FAILED',
        ]);
      }
      expect(errorOf(await post(`/${draft.id}/schedule`, owner, {}))).toEqual([400, 'VALIDATION_FAILED']);

      await post(`/${draft.id}/cancel`, owner);
      expect(
        errorOf(await post(`/${draft.id}/schedule`, owner, { scheduledAt: '2099-01-01T10:00' })),
      ).toEqual([409, 'BROADCAST_NOT_EDITABLE']);
      expect(errorOf(await post(`/${draft.id}/send`, owner))).toEqual([409, 'BROADCAST_NOT_EDITABLE']);
    });

    it('cancels scheduled broadcasts only; send now marks it for the workers', async () => {
      const draft = await createBroadcast(t, owner, { text: 'Отмена' });
      expect(errorOf(await post(`/${draft.id}/cancel`, owner))).toEqual([409, 'BROADCAST_NOT_EDITABLE']);
      await post(`/${draft.id}/schedule`, owner, { scheduledAt: '2099-05-01T12:00' });
      const cancelled = await post(`/${draft.id}/cancel`, marketing);
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) });
      const audit = await eventually(() =>
        t.dataSource
          .getRepository(AuditLog)
          .findOneBy({ action: 'broadcast.cancelled', entityId: String(draft.id) }),
      );
      expect(audit?.changes).toMatchObject({
        before: { status: 'scheduled' },
        after: { status: 'cancelled' },
      });

      const now = await createBroadcast(t, owner, { text: 'Сейчас' });
      const sent = await post(`/${now.id}/send`, owner);
      expect(sent.status).toBe(200);
      expect(sent.body.status).toBe('scheduled');
      expect(new Date(sent.body.scheduledAt).getTime()).toBeLessThanOrEqual(Date.now());
    });
  });

  describe('test send', () => {
    it("sends the broadcast once to the calling admin's linked Telegram account, as clients see it", async () => {
      const draft = await createBroadcast(t, marketing, {
        contentType: 'photo',
        media: FILE_ID,
        text: 'Как увидят <b>клиенты</b>',
        buttons: [[{ text: 'Каталог', url: 'https://marmeladny-dvorik.ru' }]],
      });
      const response = await post(`/${draft.id}/test`, marketing);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ chatId: 5550001, messageId: expect.any(Number) });
      const [call] = emulator.callsOf('sendPhoto');
      expect(call).toMatchObject({ token: t.config.clientBotToken, chatId: 5550001 });
      expect(emulator.lastMessageTo(5550001)).toMatchObject({
        caption: 'Как увидят клиенты',
        reply_markup: { inline_keyboard: [[{ text: 'Каталог', url: 'https://marmeladny-dvorik.ru' }]] },
      });
      expect((await api().get(`/api/v1/broadcasts/${draft.id}`).set(owner)).body.status).toBe('draft');
    });

    it('says TELEGRAM_UNAVAILABLE, with the reason, when no account is linked or Telegram refuses', async () => {
      const draft = await createBroadcast(t, owner, { text: 'Тест' });
      const unlinked = await post(`/${draft.id}/test`, owner);
      expect(errorOf(unlinked)).toEqual([503, 'TELEGRAM_UNAVAILABLE']);
      expect(unlinked.body.error.details).toEqual({ reason: 'telegram_not_linked' });
      expect(unlinked.body.error.message).toContain('/link');
      emulator.blockChat(5550001);
      const blocked = await post(`/${draft.id}/test`, marketing);
      expect(errorOf(blocked)).toEqual([503, 'TELEGRAM_UNAVAILABLE']);
      expect(blocked.body.error.details.reason).toBe('client_bot_not_started');
    });
  });

  describe('reading', () => {
    it('lists with filters and pagination, newest first', async () => {
      await t.dataSource.query('SET FOREIGN_KEY_CHECKS = 0');
      await t.dataSource.query('DELETE FROM broadcasts');
      await t.dataSource.query('SET FOREIGN_KEY_CHECKS = 1');
      const segment = await aSegment(t, { all: [{ field: 'isSubscribed', op: 'eq', value: true }] });
      const a = await createBroadcast(t, owner, { title: 'Акция мишки', text: 'a' });
      const b = await createBroadcast(t, owner, { title: 'Акция червячки', text: 'b', isTest: true });
      const c = await createBroadcast(t, owner, { title: 'Новости', text: 'c', segmentId: segment.id });
      await post(`/${c.id}/schedule`, owner, { scheduledAt: '2099-01-01T10:00' });

      const list = (query: string) => api().get(`/api/v1/broadcasts?${query}`).set(readonly);
      const ids = async (query: string) =>
        ((await list(query)).body.items as Array<{ id: number }>).map((x) => x.id);
      const all = await list('');
      expect(all.body).toMatchObject({ total: 3, page: 1, limit: 20 });
      expect(await ids('')).toEqual([c.id, b.id, a.id]);
      expect(await ids('status=scheduled')).toEqual([c.id]);
      expect(await ids('status=draft,scheduled&sort=id')).toEqual([a.id, b.id, c.id]);
      expect(await ids('isTest=true')).toEqual([b.id]);
      expect(await ids(`segmentId=${segment.id}`)).toEqual([c.id]);
      expect(await ids('segmentId=all&sort=title')).toEqual([a.id, b.id]);
      expect(await ids('q=акция&sort=-title')).toEqual([b.id, a.id]);
      const page2 = await list('limit=2&page=2');
      expect(page2.body).toMatchObject({ total: 3, page: 2, limit: 2, items: [{ id: a.id }] });
      expect(errorOf(await list('status=nope'))).toEqual([400, 'VALIDATION_FAILED']);
      expect(errorOf(await list('limit=500'))).toEqual([400, 'VALIDATION_FAILED']);
    });

    it('gives the stats of a draft with the audience it would reach now', async () => {
      await t.dataSource.query("UPDATE users SET status = 'deleted', telegram_id = NULL");
      await aUser(t.dataSource, { tags: ['vip'] });
      await aUser(t.dataSource, { tags: ['vip'] });
      await aUser(t.dataSource, { tags: ['vip'], isTest: true });
      await aUser(t.dataSource);
      const segment = await aSegment(t, { all: [{ field: 'tags', op: 'any', value: ['vip'] }] });
      const real = await createBroadcast(t, owner, { text: 'vip', segmentId: segment.id });
      const test = await createBroadcast(t, owner, { text: 'vip', segmentId: segment.id, isTest: true });
      const everyone = await createBroadcast(t, owner, { text: 'всем' });
      const stats = async (id: number) =>
        (await api().get(`/api/v1/broadcasts/${id}/stats`).set(readonly)).body;
      expect(await stats(real.id)).toEqual({
        broadcastId: real.id,
        status: 'draft',
        target: 0,
        pending: 0,
        sending: 0,
        sent: 0,
        failed: 0,
        blocked: 0,
        unknown: 0,
        progress: 0,
        audience: 2,
      });
      expect((await stats(test.id)).audience).toBe(1);
      expect((await stats(everyone.id)).audience).toBe(3);
    });
  });
});
