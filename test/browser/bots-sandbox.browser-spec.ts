import type { Browser, Page } from 'playwright-core';
import { shopBots } from '../support/telegram-emulator/sandbox/sandbox-bots';
import { TelegramEmulator } from '../support/telegram-emulator/telegram-emulator';
import { launchBrowser } from '../support/browser';
import { createTestApp, TestApp } from '../support/test-app';

const CASHIER = { id: 8_100_000_001, first_name: 'Ольга' };
const CODE = /Код: ([2-9A-HJ-NP-Z]{8})/;

/**
 * The bots' sandbox (served by the emulator) in Chromium, against the real app by webhook with every role:
 * a newcomer from a poster, a gift through channel membership, its QR, and a cashier in another tab.
 */
describe('bots sandbox in Chromium', () => {
  let emulator: TelegramEmulator;
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    emulator = await TelegramEmulator.start();
    t = await createTestApp({ webhooks: true, env: { TELEGRAM_API_ROOT: emulator.apiRoot } });
    await t.dataSource.query(
      "INSERT INTO cashiers (telegram_id, full_name, status, decided_at) VALUES (?, 'Ольга Кассир', 'approved', NOW(3))",
      [CASHIER.id],
    );
    emulator.sandbox.configure({
      bots: shopBots({ CLIENT_BOT_TOKEN: t.config.clientBotToken, STAFF_BOT_TOKEN: t.config.staffBotToken }),
      people: [{ key: 'cashier', label: 'Кассир: Ольга', bot: 'staff', user: CASHIER }],
      channel: '@marmeladny_dvorik',
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await emulator?.stop();
  });

  const bubble = (page: Page, text: string | RegExp) => page.locator('.msg', { hasText: text }).last();

  it('brings a client in by ?start=poster_1, gives the gift with its QR, and tells them when a cashier redeems it', async () => {
    const client = await browser.newPage();
    await client.goto(`${emulator.apiRoot}/sandbox/?start=poster_1`);
    await client.getByRole('button', { name: 'ЗАПУСТИТЬ' }).click();
    await bubble(client, 'Добро пожаловать').waitFor();
    // The page keeps the newcomer's made-up Telegram id in its URL.
    const telegramId = Number(new URL(client.url()).searchParams.get('id'));
    const [row] = await t.dataSource.query('SELECT source FROM users WHERE telegram_id = ?', [telegramId]);
    expect(row).toEqual({ source: 'poster_1' });

    await client.locator('#reply-keyboard').getByRole('button', { name: '📢 Подписаться' }).click();
    await client.getByRole('button', { name: 'Я подписался' }).waitFor();
    await client.getByLabel(/Подписан на канал/).check();
    await client.getByRole('button', { name: 'Я подписался' }).last().click();
    const gift = bubble(client, CODE);
    await gift.waitFor();
    const code = CODE.exec(await gift.innerText())?.[1] as string;

    await client.locator('#reply-keyboard').getByRole('button', { name: '🎁 Мои скидки' }).click();
    await client.getByRole('button', { name: `📱 Показать QR · ${code}` }).click();
    const qr = client.locator('.msg.bot img').last();
    await qr.waitFor();
    // Loaded and decoded: the PNG the bot uploaded, kept by the emulator (not placeholder bytes).
    await client.waitForFunction(
      `(() => { const img = [...document.querySelectorAll('.msg.bot img')].pop(); return !!img && img.complete && img.naturalWidth >= 200; })()`,
    );

    const cashier = await browser.newPage();
    await cashier.goto(`${emulator.apiRoot}/sandbox/?as=cashier`);
    await cashier.locator('#text').fill(code);
    await cashier.locator('#composer button').click();
    await cashier.getByRole('button', { name: 'Погасить' }).click();
    await bubble(cashier, 'Погашено').waitFor();

    await bubble(client, `Код ${code} погашен`).waitFor();
    const [used] = await t.dataSource.query('SELECT status FROM discounts WHERE code = ?', [code]);
    expect(used).toEqual({ status: 'used' });
    if (process.env.SANDBOX_SCREENSHOTS) {
      await client.screenshot({ path: `${process.env.SANDBOX_SCREENSHOTS}/client.png` });
      await cashier.screenshot({ path: `${process.env.SANDBOX_SCREENSHOTS}/cashier.png` });
    }
    await client.close();
    await cashier.close();
  });
});
