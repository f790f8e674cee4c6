import type { Browser } from 'playwright-core';
import { Discount } from '../../src/modules/codes/persistence/discount.entity';
import { aCashier, aDiscount, aUser } from '../support/factories';
import { launchBrowser } from '../support/browser';
import { signInitData } from '../support/init-data';
import { clickMainButton, stubTelegramWebApp, webAppRecord } from '../support/telegram-web-app-stub';
import { TelegramEmulator } from '../support/telegram-emulator/telegram-emulator';
import { createTestApp, TestApp } from '../support/test-app';

/** The cashier's scanner (web/miniapp scanner.html) in Chromium: scan, see the card, redeem. */
describe('Mini App: the cashier scanner in Chromium', () => {
  let emulator: TelegramEmulator;
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    emulator = await TelegramEmulator.start();
    t = await createTestApp({ env: { TELEGRAM_API_ROOT: emulator.apiRoot, APP_ROLES: 'api,worker' } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await t.close();
    await emulator.stop();
  });

  it('scans a client’s QR, shows the card, redeems it with the main button, and the client is told', async () => {
    await aCashier(t.dataSource, { telegramId: 5_560_001, status: 'approved', fullName: 'Кассирова Мария' });
    const client = await aUser(t.dataSource, { firstName: 'Вера', telegramId: 5_560_100 });
    const discount = await aDiscount(t.dataSource, client, { code: 'SCQR2345' });
    const page = await browser.newPage();
    await stubTelegramWebApp(page, {
      initData: signInitData(t.config.staffBotToken, { id: 5_560_001, first_name: 'Мария' }),
      qrText: 'SCQR2345',
    });

    await page.goto(`${t.url}/webapp/scanner.html`);
    await page.getByRole('button', { name: 'Сканировать' }).click();
    await page.getByText('✅ Код действителен').waitFor();

    const record = await webAppRecord(page);
    expect(record.scanPopups).toEqual([{ text: 'Наведите камеру на QR-код покупателя' }]);
    expect(record.mainButton).toMatchObject({ text: 'Погасить', visible: true });
    const card = await page.locator('#result').textContent();
    expect(card).toContain('SCQR2345');
    expect(card).toContain('10\u00A0%');
    expect(card).toContain('Клиент: Вера');
    expect(card).toContain('Действует до: бессрочно');

    await clickMainButton(page);
    await page.getByText(/^Погашено ✅/).waitFor();
    await page.locator('#today li').first().waitFor();
    expect(await page.locator('#today li').first().textContent()).toContain('SCQR2345');
    expect((await webAppRecord(page)).mainButton.text).toBe('Сканировать');
    const after = await t.dataSource.getRepository(Discount).findOneByOrFail({ id: discount.id });
    expect(after.status).toBe('used');
    const notice = await emulator.waitFor(
      (call) => call.token === t.config.clientBotToken && call.chatId === client.telegramId,
    );
    expect(notice.params.text).toContain('Код <code>SCQR2345</code> погашен');

    // Typed by hand, the same code now: «уже погашен» with the time.
    await page.getByLabel('Или введите код вручную').fill('scqr-2345');
    await page.getByRole('button', { name: 'Проверить' }).click();
    await page.getByText(/Этот код уже погашен \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}\./).waitFor();
    await page.close();
  });

  it('shows a pending cashier only a short explanation', async () => {
    await aCashier(t.dataSource, { telegramId: 5_560_002, status: 'pending', fullName: 'Новенькая Оля' });
    const page = await browser.newPage();
    await stubTelegramWebApp(page, { initData: signInitData(t.config.staffBotToken, { id: 5_560_002 }) });
    await page.goto(`${t.url}/webapp/scanner.html`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('ждёт одобрения');
    expect(await page.getByRole('button', { name: 'Сканировать' }).count()).toBe(0);
    expect((await webAppRecord(page)).mainButton.visible).toBe(false);
    await page.close();
  });
});
