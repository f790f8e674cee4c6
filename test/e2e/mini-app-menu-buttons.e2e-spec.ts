import { ClientTelegram } from '../../src/infrastructure/telegram/telegram-senders';
import { DecideCashierCommand } from '../../src/modules/staff/commands/decide-cashier.command';
import { RevokeCashierCommand } from '../../src/modules/staff/commands/revoke-cashier.command';
import { User } from '../../src/modules/users/persistence/user.entity';
import { aCashier, aDiscount, anAdmin } from '../support/factories';
import { TelegramEmulator } from '../support/telegram-emulator/telegram-emulator';
import type { FakeUser } from '../support/telegram-emulator/types';
import { createTestApp, eventually, TestApp } from '../support/test-app';

const MINI_APP_URL = 'https://shop.example/webapp';

/** The bots' Mini App buttons: menu buttons set at start-up and on cashier decisions, «Моя карта». */
describe('Mini App menu buttons (setChatMenuButton) and «Моя карта»', () => {
  let emulator: TelegramEmulator;
  let t: TestApp;
  let CLIENT: string;
  let STAFF: string;
  const APPROVED = 7_800_001;
  const PENDING = 7_800_002;
  const STRANGER = 7_800_003;

  beforeAll(async () => {
    emulator = await TelegramEmulator.start();
    // A first app only prepares the database: the cashier must exist before the bots start.
    const setUp = await createTestApp({ env: { TELEGRAM_API_ROOT: emulator.apiRoot, APP_ROLES: 'api' } });
    await aCashier(setUp.dataSource, { telegramId: APPROVED, status: 'approved' });
    await setUp.close();
    t = await createTestApp({
      reset: false,
      webhooks: true,
      env: { TELEGRAM_API_ROOT: emulator.apiRoot, APP_ROLES: 'api,bots,worker', MINI_APP_URL },
    });
    CLIENT = t.config.clientBotToken;
    STAFF = t.config.staffBotToken;
  });
  afterAll(async () => {
    await t.close();
    await emulator.stop();
  });

  it('sets the client bot’s card and each approved cashier’s scanner at start-up', async () => {
    const card = { type: 'web_app', text: 'Моя карта', web_app: { url: `${MINI_APP_URL}/card.html` } };
    const scanner = { type: 'web_app', text: 'Сканер', web_app: { url: `${MINI_APP_URL}/scanner.html` } };
    await eventually(
      () => JSON.stringify(emulator.menuButtonOf(STAFF, APPROVED)) === JSON.stringify(scanner),
    );
    expect(emulator.menuButtonOf(CLIENT)).toEqual(card);
    expect(emulator.menuButtonOf(CLIENT, STRANGER)).toEqual(card);
    expect(emulator.menuButtonOf(STAFF, STRANGER)).toEqual({ type: 'commands' });
    expect(emulator.menuButtonOf(STAFF)).toEqual({ type: 'commands' });
  });

  it('gives an approved cashier the scanner and takes it back when revoked', async () => {
    const owner = await anAdmin(t.dataSource, { role: 'owner' });
    const pending = await aCashier(t.dataSource, { telegramId: PENDING, status: 'pending' });
    expect(emulator.menuButtonOf(STAFF, PENDING)).toEqual({ type: 'commands' });

    await t.commands.execute(new DecideCashierCommand(pending.id, 'approve', owner.id));
    await eventually(() => (emulator.menuButtonOf(STAFF, PENDING) as { type: string }).type === 'web_app');

    await t.commands.execute(new RevokeCashierCommand(pending.id, owner.id));
    await eventually(() => (emulator.menuButtonOf(STAFF, PENDING) as { type: string }).type === 'commands');
  });

  it('puts «💳 Моя карта» above the codes of «🎁 Мои скидки»', async () => {
    const client: FakeUser = { id: 7_800_100, first_name: 'Анна' } as FakeUser;
    await emulator.sendText(CLIENT, client, '/start');
    const user = (await eventually(() =>
      t.dataSource.getRepository(User).findOneBy({ telegramId: client.id }),
    )) as User;
    await aDiscount(t.dataSource, user, { code: 'MENU2345' });
    await emulator.sendText(CLIENT, client, '🎁 Мои скидки');
    const keyboard = emulator.lastMessageTo(client.id, CLIENT)?.reply_markup as {
      inline_keyboard: { text: string; web_app?: { url: string } }[][];
    };
    expect(keyboard.inline_keyboard[0]).toEqual([
      { text: '💳 Моя карта', web_app: { url: `${MINI_APP_URL}/card.html` } },
    ]);
    expect(keyboard.inline_keyboard[1][0].text).toBe('📱 Показать QR · MENU2345');
  });

  it('the emulator refuses a web_app button that is not https, as Telegram does', async () => {
    await expect(
      t.get(ClientTelegram).setChatMenuButton({
        menuButton: { type: 'web_app', text: 'x', web_app: { url: 'http://shop.example/' } },
      }),
    ).rejects.toThrow(/only HTTPS links are allowed/);
  });
});
