import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { BroadcastMedia } from '../../src/modules/broadcasts/persistence/broadcast-media.entity';
import { loginAs } from '../support/auth';
import { aSegment, broadcastIn, broadcastSettings, countBy, createBroadcast } from '../support/broadcasts';
import { aUser } from '../support/factories';
import { TelegramEmulator } from '../support/telegram-emulator/telegram-emulator';
import type { RecordedCall } from '../support/telegram-emulator/types';
import { UploadedFile } from '../support/telegram-emulator/uploaded-file';
import { createTestApp, TestApp } from '../support/test-app';

/** Bytes that start like a JPEG (what the server checks), then random: each call a different file. */
const aJpeg = (size = 20_000) =>
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(size - 4)]);
const anMp4 = () =>
  Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom', 'latin1'), randomBytes(5_000)]);

describe('broadcast media uploaded from the computer (POST /api/v1/broadcast-media)', () => {
  let emulator: TelegramEmulator;
  let t: TestApp;
  let auth: { Authorization: string };
  let CLIENT: string;

  const upload = (bytes: Buffer, name = 'мишки.jpg', as = auth) =>
    request(t.url).post('/api/v1/broadcast-media').set(as).attach('file', bytes, name);
  const photoSends = (): RecordedCall[] =>
    emulator.calls.filter((c) => c.token === CLIENT && c.method === 'sendPhoto');

  beforeAll(async () => {
    emulator = await TelegramEmulator.start();
    t = await createTestApp({
      env: { TELEGRAM_API_ROOT: emulator.apiRoot, APP_ROLES: 'api,worker,scheduler' },
    });
    CLIENT = t.config.clientBotToken;
    ({ auth } = await loginAs(t, 'marketing', { telegramId: 9501 }));
    await broadcastSettings(t, { rate: 200, paid: true, maxAttempts: 3, chunkSize: 1000 });
  });
  afterAll(async () => {
    await t.close();
    await emulator.stop();
  });
  beforeEach(() => emulator.reset());

  it('keeps a photo, answers its media reference, serves it back and stores the same bytes once', async () => {
    const bytes = aJpeg();
    const first = await upload(bytes);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: expect.any(Number),
      media: `upload:${first.body.id as number}`,
      kind: 'photo',
      mimeType: 'image/jpeg',
      fileName: 'мишки.jpg',
      sizeBytes: bytes.length,
      sentBefore: false,
    });

    const again = await upload(bytes, 'copy.jpg');
    expect(again.body.id).toBe(first.body.id);

    const { auth: readonly } = await loginAs(t, 'readonly');
    const served = await request(t.url)
      .get(`/api/v1/broadcast-media/${first.body.id as number}`)
      .set(readonly)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(served.body as Buffer, bytes)).toBe(0);

    const video = await upload(anMp4(), 'ролик.mp4');
    expect(video.body).toMatchObject({ kind: 'video', mimeType: 'video/mp4' });
  });

  it('refuses with stable codes: role, no file, wrong type, too large, unknown file', async () => {
    const { auth: readonly } = await loginAs(t, 'readonly');
    const forbidden = await upload(aJpeg(), 'x.jpg', readonly);
    expect([forbidden.status, forbidden.body.error.code]).toEqual([403, 'FORBIDDEN_ROLE']);

    const json = await request(t.url).post('/api/v1/broadcast-media').set(auth).send({ file: 'x' });
    expect([json.status, json.body.error.code]).toEqual([422, 'MEDIA_INVALID']);

    const noFile = await request(t.url).post('/api/v1/broadcast-media').set(auth).field('note', 'нет файла');
    expect([noFile.status, noFile.body.error.code]).toEqual([422, 'MEDIA_INVALID']);

    const wrongField = await request(t.url)
      .post('/api/v1/broadcast-media')
      .set(auth)
      .attach('photo', aJpeg(), 'x.jpg');
    expect([wrongField.status, wrongField.body.error.code]).toEqual([422, 'MEDIA_INVALID']);

    const broken = await request(t.url)
      .post('/api/v1/broadcast-media')
      .set(auth)
      .set('Content-Type', 'multipart/form-data')
      .send('--x\r\nnot a form');
    expect([broken.status, broken.body.error.code]).toEqual([422, 'MEDIA_INVALID']);
    const cut = await request(t.url)
      .post('/api/v1/broadcast-media')
      .set(auth)
      .set('Content-Type', 'multipart/form-data; boundary=x')
      .send('--x\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\n\xff\xd8');
    expect([cut.status, cut.body.error.code]).toEqual([422, 'MEDIA_INVALID']);

    const text = await upload(Buffer.from('<script>alert(1)</script>'), 'fake.jpg');
    expect([text.status, text.body.error.code]).toEqual([415, 'MEDIA_TYPE_UNSUPPORTED']);

    const empty = await upload(Buffer.alloc(0), 'empty.jpg');
    expect([empty.status, empty.body.error.code]).toEqual([422, 'MEDIA_INVALID']);

    const huge = await upload(aJpeg(10 * 1024 * 1024 + 1), 'huge.jpg');
    expect([huge.status, huge.body.error.code]).toEqual([413, 'MEDIA_TOO_LARGE']);

    const missing = await request(t.url).get('/api/v1/broadcast-media/999999').set(auth);
    expect([missing.status, missing.body.error.code]).toEqual([404, 'MEDIA_NOT_FOUND']);
  });

  it('refuses a draft naming an unknown upload or one of another kind', async () => {
    const photo = await upload(aJpeg());
    const asVideo = await request(t.url)
      .post('/api/v1/broadcasts')
      .set(auth)
      .send({ title: 'Видео', contentType: 'video', media: photo.body.media });
    expect([asVideo.status, asVideo.body.error.code]).toEqual([422, 'MEDIA_INVALID']);
    const unknown = await request(t.url)
      .post('/api/v1/broadcasts')
      .set(auth)
      .send({ title: 'Фото', contentType: 'photo', media: 'upload:999999' });
    expect([unknown.status, unknown.body.error.code]).toEqual([422, 'MEDIA_INVALID']);
  });

  it('sends an uploaded photo with a button to each recipient once: one upload, then Telegram’s file_id', async () => {
    const recipients = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(() => aUser(t.dataSource, { tags: ['фото'] })),
    );
    const segment = await aSegment(t, { all: [{ field: 'tags', op: 'any', value: ['фото'] }] });
    const photo = await upload(aJpeg());
    const buttons = [[{ text: 'Каталог', url: 'https://marmeladny-dvorik.ru/catalog' }]];
    const broadcast = await createBroadcast(t, auth, {
      contentType: 'photo',
      media: photo.body.media,
      text: '<b>Новинка</b>: облепиховые мишки',
      buttons,
      segmentId: segment.id,
    });

    const test = await request(t.url).post(`/api/v1/broadcasts/${broadcast.id}/test`).set(auth);
    expect(test.status).toBe(200);
    expect(emulator.lastMessageTo(9501, CLIENT)?.photo).toBeDefined();

    expect((await request(t.url).post(`/api/v1/broadcasts/${broadcast.id}/send`).set(auth)).status).toBe(200);
    const done = await broadcastIn(t, broadcast.id, ['sent', 'failed']);
    expect(done).toMatchObject({ status: 'sent', targetCount: 6, sentCount: 6, failedCount: 0 });

    const chats = recipients.map((u) => u.telegramId as number);
    const toRecipients = photoSends().filter((c) => chats.includes(c.chatId as number));
    expect([...countBy(toRecipients.map((c) => c.chatId as number)).values()]).toEqual(chats.map(() => 1));
    for (const chat of chats) {
      const message = emulator.lastMessageTo(chat, CLIENT);
      expect(message?.photo?.length).toBeGreaterThan(0);
      expect(message?.caption).toBe('Новинка: облепиховые мишки');
      expect(message?.reply_markup?.inline_keyboard).toEqual(buttons);
    }
    // The test send uploaded the bytes once; every recipient got Telegram's copy by file_id.
    const uploads = photoSends().filter((c) => c.params.photo instanceof UploadedFile);
    expect(uploads).toHaveLength(1);
    const stored = await t.dataSource.getRepository(BroadcastMedia).findOneByOrFail({ id: photo.body.id });
    expect(stored.telegramFileId).toEqual(expect.any(String));
    expect(toRecipients.every((c) => c.params.photo === stored.telegramFileId)).toBe(true);
  });

  it('uploads the bytes only once when the first send is the broadcast itself', async () => {
    const recipients = await Promise.all([1, 2, 3, 4].map(() => aUser(t.dataSource, { tags: ['видео'] })));
    const segment = await aSegment(t, { all: [{ field: 'tags', op: 'any', value: ['видео'] }] });
    const video = await upload(anMp4(), 'ролик.mp4');
    const broadcast = await createBroadcast(t, auth, {
      contentType: 'video',
      media: video.body.media,
      segmentId: segment.id,
    });

    await request(t.url).post(`/api/v1/broadcasts/${broadcast.id}/send`).set(auth);
    expect(await broadcastIn(t, broadcast.id, ['sent', 'failed'])).toMatchObject({
      status: 'sent',
      sentCount: 4,
    });

    const sends = emulator.calls.filter((c) => c.token === CLIENT && c.method === 'sendVideo');
    expect(sends.map((c) => c.chatId).sort()).toEqual(recipients.map((u) => u.telegramId).sort());
    expect(sends.filter((c) => c.params.video instanceof UploadedFile)).toHaveLength(1);
  });
});
