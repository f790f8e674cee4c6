import { PNG } from 'pngjs';
import type { Browser } from 'playwright-core';
import { readQr } from '../../src/infrastructure/qr/read-qr';
import { aDiscount, aUser } from '../support/factories';
import { launchBrowser } from '../support/browser';
import { signInitData } from '../support/init-data';
import { stubTelegramWebApp, webAppRecord } from '../support/telegram-web-app-stub';
import { TelegramEmulator } from '../support/telegram-emulator/telegram-emulator';
import { createTestApp, TestApp } from '../support/test-app';

/** The client's card (web/miniapp card.html) in Chromium, with Telegram's WebApp object stubbed. */
describe('Mini App: the client card in Chromium', () => {
  let emulator: TelegramEmulator;
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    emulator = await TelegramEmulator.start();
    t = await createTestApp({ env: { TELEGRAM_API_ROOT: emulator.apiRoot, APP_ROLES: 'api' } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await t.close();
    await emulator.stop();
  });

  it('shows the codes newest first, each with a QR that decodes to the code, in Telegram’s dark theme', async () => {
    const user = await aUser(t.dataSource, { firstName: 'Анна', telegramId: 5_550_001 });
    await aDiscount(t.dataSource, user, { code: 'OLDC2345', createdAt: new Date(Date.now() - 86_400_000) });
    await aDiscount(t.dataSource, user, {
      code: 'NEWC2345',
      expiresAt: new Date(Date.now() + 7 * 86_400_000),
    });
    const page = await browser.newPage();
    const { blocked } = await stubTelegramWebApp(page, {
      initData: signInitData(t.config.clientBotToken, { id: 5_550_001, first_name: 'Анна' }),
      colorScheme: 'dark',
      themeParams: { bg_color: '#17212b', secondary_bg_color: '#0e1621', text_color: '#f5f5f5' },
    });

    const response = await page.goto(`${t.url}/webapp/card.html`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self' https://telegram.org;");
    expect(csp).toContain("connect-src 'self'");
    await page.locator('article.code').nth(1).waitFor();

    expect(blocked).toEqual(['https://telegram.org/js/telegram-web-app.js']);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Моя карта');
    expect(await page.getByText('Здравствуйте, Анна!').count()).toBe(1);
    const cards = await page.locator('article.code').all();
    const codes = await Promise.all(cards.map((card) => card.getAttribute('data-code')));
    expect(codes).toEqual(['NEWC2345', 'OLDC2345']);
    const first = page.locator('article.code').first();
    expect(await first.textContent()).toContain('10\u00A0%');
    expect(await first.locator('.code-text').textContent()).toBe('NEWC2345');
    const shot = await first.locator('img.qr').screenshot();
    expect(readQr(shot)).toBe('NEWC2345');
    expect(PNG.sync.read(shot).width).toBeGreaterThan(100);
    const background = await page.evaluate('getComputedStyle(document.body).backgroundColor');
    expect(background).toBe('rgb(14, 22, 33)');

    // No birthday yet: the form, with the bot's hint for a date it cannot read; then saved once.
    await page.getByLabel('День рождения').fill('31.02.1990');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText('Такой даты нет в календаре').waitFor();
    await page.getByLabel('День рождения').fill('25.11.1990');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText('Спасибо! Записали: 25 ноября 1990.').waitFor();
    expect((await webAppRecord(page)).confirms).toEqual([
      'Сохранить дату рождения «31.02.1990»? Изменить её потом нельзя.',
      'Сохранить дату рождения «25.11.1990»? Изменить её потом нельзя.',
    ]);

    await page.getByRole('button', { name: 'Поделиться' }).click();
    expect((await webAppRecord(page)).links).toEqual([
      expect.stringMatching(/^https:\/\/t\.me\/share\/url\?url=https%3A%2F%2Ft\.me%2F\w+%3Fstart%3Dref_/),
    ]);
    await page.close();
  });

  it('tells someone who never started the bot to send /start', async () => {
    const page = await browser.newPage();
    await stubTelegramWebApp(page, { initData: signInitData(t.config.clientBotToken, { id: 5_559_999 }) });
    await page.goto(`${t.url}/webapp/card.html`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('отправьте ему /start');
    await page.getByRole('button', { name: 'Закрыть' }).click();
    expect((await webAppRecord(page)).closed).toBe(1);
    await page.close();
  });
});
