import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { toBuffer } from 'qrcode';
import { aCashier, aDiscount, aUser } from '../support/factories';
import { TelegramEmulator } from '../support/telegram-emulator/telegram-emulator';
import type { FakeUser } from '../support/telegram-emulator/types';
import { createTestApp, TestApp } from '../support/test-app';

/** A photo of the client's screen: the staff bot reads the QR in it (jsQR) and shows the card. */
describe('staff bot: a cashier sends a photo of a QR code', () => {
  let emulator: TelegramEmulator;
  let t: TestApp;
  let STAFF: string;
  const cashier: FakeUser = { id: 7_700_001, first_name: 'Мария' } as FakeUser;
  const lastMessage = () => emulator.lastMessageTo(cashier.id, STAFF);

  /** A phone photo of a screen, roughly: the QR on a grey background, as a JPEG. */
  async function photoOf(text: string, inverted = false): Promise<Buffer> {
    const qr = PNG.sync.read(await toBuffer(text, { width: 360, margin: 4, errorCorrectionLevel: 'Q' }));
    const photo = new PNG({ width: 640, height: 480 });
    photo.data.fill(150);
    for (let y = 0; y < qr.height; y++)
      for (let x = 0; x < qr.width; x++)
        for (let c = 0; c < 4; c++) {
          const value = qr.data[(y * qr.width + x) * 4 + c];
          photo.data[((y + 60) * 640 + x + 140) * 4 + c] = inverted && c < 3 ? 255 - value : value;
        }
    return Buffer.from(jpeg.encode({ data: photo.data, width: 640, height: 480 }, 80).data);
  }

  beforeAll(async () => {
    emulator = await TelegramEmulator.start();
    t = await createTestApp({
      webhooks: true,
      env: { TELEGRAM_API_ROOT: emulator.apiRoot, APP_ROLES: 'api,bots' },
    });
    STAFF = t.config.staffBotToken;
    await aCashier(t.dataSource, { telegramId: cashier.id, status: 'approved', fullName: 'Кассирова Мария' });
    const client = await aUser(t.dataSource, { firstName: 'Вера' });
    await aDiscount(t.dataSource, client, { code: 'PH0T2345' });
  });
  afterAll(async () => {
    await t.close();
    await emulator.stop();
  });

  it('reads the code from a PNG of the QR and shows the card with «Погасить», as for a typed code', async () => {
    await emulator.sendPhoto(STAFF, cashier, { bytes: await toBuffer('PH0T2345', { width: 480 }) });
    expect(lastMessage()).toMatchObject({
      text: expect.stringContaining('✅ Код действителен'),
      reply_markup: { inline_keyboard: [[{ text: 'Погасить', callback_data: 'redeem:PH0T2345' }]] },
    });
    expect(lastMessage()?.text).toContain('Клиент: Вера');
    expect(emulator.callsOf('getFile').filter((call) => call.token === STAFF)).toHaveLength(1);
  });

  it('reads a JPEG photo of the client’s screen, light or dark', async () => {
    for (const inverted of [false, true]) {
      await emulator.sendPhoto(STAFF, cashier, { bytes: await photoOf('PH0T2345', inverted) });
      expect(lastMessage()?.text).toContain('✅ Код действителен');
    }
  });

  it('gives a friendly hint for a photo without a code, and treats a QR of something else as text', async () => {
    const blank = new PNG({ width: 320, height: 240 });
    blank.data.fill(220);
    await emulator.sendPhoto(STAFF, cashier, { bytes: PNG.sync.write(blank) });
    expect(lastMessage()?.text).toBe(
      'Не нашёл QR-код на этом фото 🙈 Сфотографируйте экран покупателя поближе, чтобы QR-код был виден ' +
        'целиком и без бликов, — или пришлите код текстом.',
    );
    await emulator.sendPhoto(STAFF, cashier, {});
    expect(lastMessage()?.text).toContain('Не нашёл QR-код на этом фото');
    await emulator.sendPhoto(STAFF, cashier, { bytes: await toBuffer('https://example.com/menu') });
    expect(lastMessage()?.text).toContain('Это не похоже на код скидки');
  });
});
