import { AuditLog } from '../../src/modules/audit/persistence/audit-log.entity';
import { Broadcast } from '../../src/modules/broadcasts/persistence/broadcast.entity';
import { aSegment, broadcastIn, broadcastSettings } from '../support/broadcasts';
import { aCashier, anAdmin, aUser } from '../support/factories';
import { TelegramEmulator } from '../support/telegram-emulator/telegram-emulator';
import type { FakeUser } from '../support/telegram-emulator/types';
import { createTestApp, eventually, TestApp } from '../support/test-app';

const MARINA: FakeUser = { id: 9301, first_name: 'Марина' };
const RITA: FakeUser = { id: 9302, first_name: 'Рита' };
const KATYA: FakeUser = { id: 9303, first_name: 'Катя' };

describe('staff bot: composing a broadcast', () => {
  let emulator: TelegramEmulator;
  let t: TestApp;
  let STAFF: string;
  let CLIENT: string;
  let marinaId: number;

  const say = (from: FakeUser, text: string) => emulator.sendText(STAFF, from, text);
  const lastText = (chatId: number) => emulator.lastMessageTo(chatId, STAFF)?.text;
  const press = (from: FakeUser, data: string) => emulator.pressButton(STAFF, from, data);
  const broadcasts = () => t.dataSource.getRepository(Broadcast);

  beforeAll(async () => {
    emulator = await TelegramEmulator.start();
    t = await createTestApp({
      webhooks: true,
      env: { TELEGRAM_API_ROOT: emulator.apiRoot, APP_ROLES: 'api,bots,worker' },
    });
    STAFF = t.config.staffBotToken;
    CLIENT = t.config.clientBotToken;
    marinaId = (await anAdmin(t.dataSource, { role: 'marketing', telegramId: MARINA.id })).id;
    await anAdmin(t.dataSource, { role: 'readonly', telegramId: RITA.id });
    await aCashier(t.dataSource, { telegramId: KATYA.id, status: 'approved' });
    await broadcastSettings(t, { rate: 100, paid: true });
  });
  afterAll(async () => {
    await t.close();
    await emulator.stop();
  });
  beforeEach(() => emulator.reset());

  it('takes a formatted text, a segment from buttons, shows the count and a preview, and sends now', async () => {
    const vip = [await aUser(t.dataSource, { tags: ['vip'] }), await aUser(t.dataSource, { tags: ['vip'] })];
    await aUser(t.dataSource);
    const segment = await aSegment(t, { all: [{ field: 'tags', op: 'any', value: ['vip'] }] });

    await say(MARINA, '/broadcast');
    expect(lastText(MARINA.id)).toContain('Пришлите сообщение для рассылки');
    const text = 'Новинка: облепиховые мишки!';
    await emulator.deliverUpdate(STAFF, {
      update_id: emulator.lastUpdateId + 1,
      message: {
        message_id: 500,
        date: Math.floor(Date.now() / 1000),
        chat: { id: MARINA.id, type: 'private', first_name: MARINA.first_name },
        from: { id: MARINA.id, is_bot: false, first_name: MARINA.first_name },
        text,
        entities: [{ type: 'bold', offset: 0, length: 7 }],
      },
    });
    expect(lastText(MARINA.id)).toBe('Кому отправить?');
    const keyboard = emulator.lastMessageTo(MARINA.id, STAFF)?.reply_markup?.inline_keyboard ?? [];
    expect(keyboard.flat().map((b) => b.text)).toEqual(
      expect.arrayContaining(['👥 Всем клиентам', segment.name]),
    );

    await press(MARINA, `bc:aud:${segment.id}`);
    await eventually(() => lastText(MARINA.id)?.includes('Получателей сейчас: 2'));
    const preview = emulator.lastMessageTo(MARINA.id, CLIENT);
    expect(preview?.text).toBe(text);
    expect(preview?.entities).toEqual([{ type: 'bold', offset: 0, length: 7 }]);
    const draft = await broadcasts().findOneByOrFail({ createdByAdminId: marinaId, contentType: 'text' });
    expect(draft).toMatchObject({
      status: 'draft',
      segmentId: segment.id,
      text: '<b>Новинка</b>: облепиховые мишки!',
    });

    await press(MARINA, 'bc:now');
    await eventually(() => lastText(MARINA.id)?.includes(`Рассылка №${draft.id} запущена`));
    await broadcastIn(t, draft.id, ['sent']);
    for (const client of vip)
      expect(emulator.lastMessageTo(client.telegramId as number, CLIENT)?.text).toBe(text);
    const audit = await eventually(() =>
      t.dataSource
        .getRepository(AuditLog)
        .findOneBy({ action: 'broadcast.created', entityId: String(draft.id) }),
    );
    expect(audit).toMatchObject({ actorType: 'admin', actorId: String(marinaId) });
  });

  it('takes a photo with a caption, re-uploads it through the client bot, and schedules it in shop time', async () => {
    await say(MARINA, '/broadcast');
    await emulator.sendPhoto(STAFF, MARINA, {
      fileId: 'AgACAgIAAxkBAAIStaffBotPhotoFileId01',
      caption: 'Фото недели',
    });
    expect(lastText(MARINA.id)).toBe('Кому отправить?');
    await press(MARINA, 'bc:aud:all');
    await eventually(() => lastText(MARINA.id)?.includes('Черновик рассылки'));
    const upload = emulator.callsOf('sendPhoto').find((c) => c.token === CLIENT && c.chatId === MARINA.id);
    expect(upload?.message?.caption).toBe('Фото недели');
    const draft = await broadcasts().findOneByOrFail({ createdByAdminId: marinaId, contentType: 'photo' });
    expect(draft.media).toBe(upload?.message?.photo?.at(-1)?.file_id);
    expect(draft.media).not.toBe('AgACAgIAAxkBAAIStaffBotPhotoFileId01');

    await press(MARINA, 'bc:time');
    expect(lastText(MARINA.id)).toContain('Когда отправить?');
    await say(MARINA, 'завтра');
    expect(lastText(MARINA.id)).toContain('ДД.ММ ЧЧ:ММ');
    await say(MARINA, '01.01.2020 10:00');
    expect(lastText(MARINA.id)).toContain('Время рассылки уже прошло');
    await say(MARINA, '08.03.2099 10:00');
    expect(lastText(MARINA.id)).toBe(
      `Рассылка №${draft.id} запланирована на 08.03.2099 10:00 (время магазина).`,
    );
    expect(await broadcasts().findOneByOrFail({ id: draft.id })).toMatchObject({
      status: 'scheduled',
      scheduledAt: new Date('2099-03-08T00:00:00Z'),
    });
  });

  it('refuses readonly admins and cashiers, and lets the composer cancel', async () => {
    await say(RITA, '/broadcast');
    expect(lastText(RITA.id)).toBe('Рассылки создают владелец магазина и маркетолог.');
    await say(KATYA, '/broadcast');
    expect(lastText(KATYA.id)).toBe('Рассылки создают владелец магазина и маркетолог.');

    const before = await broadcasts().count();
    await say(MARINA, '/broadcast');
    await say(MARINA, 'Передумаю');
    await press(MARINA, 'bc:stop');
    expect(lastText(MARINA.id)).toBe('Хорошо, рассылку не создаю.');
    await say(MARINA, '/broadcast');
    await say(MARINA, '/cancel');
    await say(MARINA, 'просто текст');
    expect(lastText(MARINA.id)).not.toBe('Кому отправить?');
    expect(await broadcasts().count()).toBe(before);
  });
});
