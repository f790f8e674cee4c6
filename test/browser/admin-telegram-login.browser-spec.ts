import type { Browser } from 'playwright-core';
import { ensureAdminBuilt } from '../support/admin-panel';
import { launchBrowser } from '../support/browser';
import { anAdmin } from '../support/factories';
import { TelegramEmulator } from '../support/telegram-emulator/telegram-emulator';
import { createTestApp, TestApp } from '../support/test-app';

const OWNER = { id: 9601, first_name: 'Ольга', username: 'olga_owner' };

jest.setTimeout(120_000);

/** The staff bot's /login link opens the panel logged in, once. */
describe('logging in to the panel through the Telegram link', () => {
  let emulator: TelegramEmulator;
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    ensureAdminBuilt();
    emulator = await TelegramEmulator.start();
    t = await createTestApp({
      webhooks: true,
      env: { TELEGRAM_API_ROOT: emulator.apiRoot, APP_ROLES: 'api,bots' },
    });
    await anAdmin(t.dataSource, { role: 'owner', telegramId: OWNER.id, username: 'olga' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await t.close();
    await emulator.stop();
  });

  it('opens the panel from the link in the bot’s answer, and the same link does not work twice', async () => {
    await emulator.sendText(t.config.staffBotToken, OWNER, '/login');
    const reply = emulator.lastMessageTo(OWNER.id, t.config.staffBotToken);
    const entity = reply?.entities?.find((e) => e.type === 'text_link');
    const link = entity && 'url' in entity ? entity.url : '';
    expect(link.startsWith(`${t.url}/admin/login#token=`)).toBe(true);

    const page = await browser.newPage({ locale: 'ru-RU' });
    await page.goto(link);
    await page.waitForURL(`${t.url}/admin/`);
    await page.getByText('olga').first().waitFor();
    expect(
      await page.evaluate(() =>
        (
          globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }
        ).sessionStorage.getItem('dvorik.session'),
      ),
    ).toContain('"role":"owner"');
    await page.close();

    const again = await browser.newPage({ locale: 'ru-RU' });
    await again.goto(link);
    await again.getByRole('alert').getByText('Ссылка для входа устарела или уже использована').waitFor();
    // The token left the address bar at once.
    expect(again.url()).toBe(`${t.url}/admin/login`);
    await again.close();
  });

  it('logs in with the code typed on the login page', async () => {
    await emulator.sendText(t.config.staffBotToken, OWNER, '/login');
    const reply = emulator.lastMessageTo(OWNER.id, t.config.staffBotToken);
    const code = reply?.entities?.find((e) => e.type === 'code');
    const token = (reply?.text ?? '').slice(code?.offset, (code?.offset ?? 0) + (code?.length ?? 0));

    const page = await browser.newPage({ locale: 'ru-RU' });
    await page.goto(`${t.url}/admin/login`);
    await page.getByRole('button', { name: 'Войти через Telegram' }).click();
    await page.getByLabel('Код из Telegram').fill(token);
    await page.getByRole('button', { name: 'Войти по коду' }).click();
    await page.waitForURL(`${t.url}/admin/`);
    expect(
      await page.evaluate(() =>
        (
          globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }
        ).sessionStorage.getItem('dvorik.session'),
      ),
    ).toContain('"role":"owner"');
    await page.close();
  });
});
