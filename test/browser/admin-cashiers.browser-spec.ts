import type { Browser } from 'playwright-core';
import { Cashier } from '../../src/modules/staff/persistence/cashier.entity';
import { ensureAdminBuilt, panelPageAs, seriousViolations } from '../support/admin-panel';
import { launchBrowser } from '../support/browser';
import { aCashier } from '../support/factories';
import { TelegramEmulator } from '../support/telegram-emulator/telegram-emulator';
import { createTestApp, eventually, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/** Кассиры: the owner approves a pending application; marketing sees the list without decisions. */
describe('cashiers in the panel', () => {
  let emulator: TelegramEmulator;
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    ensureAdminBuilt();
    emulator = await TelegramEmulator.start();
    t = await createTestApp({ env: { TELEGRAM_API_ROOT: emulator.apiRoot, APP_ROLES: 'api,worker' } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await t.close();
    await emulator.stop();
  });

  it('approves a pending cashier, who hears it in the staff bot', async () => {
    const cashier = await aCashier(t.dataSource, { fullName: 'Иванова Анна', status: 'pending' });
    const { page } = await panelPageAs(t, browser, 'owner');
    await page.goto(`${t.url}/admin/cashiers`);
    await page.getByRole('button', { name: 'Одобрить: Иванова Анна' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Одобрить' }).click();
    await page.getByText('Кассир одобрен').waitFor();
    await page.getByRole('button', { name: 'Отозвать доступ: Иванова Анна' }).waitFor();
    expect(await t.dataSource.getRepository(Cashier).findOneByOrFail({ id: cashier.id })).toMatchObject({
      status: 'approved',
    });
    await eventually(() => emulator.lastMessageTo(cashier.telegramId, t.config.staffBotToken) ?? null);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('gives marketing the list but no decision, and no owner pages', async () => {
    await aCashier(t.dataSource, { fullName: 'Петрова Вера', status: 'pending' });
    const { page } = await panelPageAs(t, browser, 'marketing');
    await page.goto(`${t.url}/admin/cashiers`);
    await page.getByText('Петрова Вера').waitFor();
    expect(await page.getByRole('button', { name: /Одобрить|Отклонить/ }).count()).toBe(0);
    // The menu lists the pages marketing may read, and not the owner's.
    await page.getByRole('menuitem', { name: 'Рассылки' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'Администраторы' }).count()).toBe(0);
    await page.close();
  });
});
