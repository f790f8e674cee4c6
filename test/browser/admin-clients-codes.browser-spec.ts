import type { Browser, Page } from 'playwright-core';
import { alterPanelSession, ensureAdminBuilt, logIn, newPanelPage } from '../support/admin-panel';
import { anAdminWithPassword } from '../support/auth';
import { launchBrowser } from '../support/browser';
import { aDiscount, aUser } from '../support/factories';
import { TelegramEmulator } from '../support/telegram-emulator/telegram-emulator';
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(180_000);

/** Picks `option` in the MUI select labelled `label`. */
async function choose(page: Page, label: string, option: RegExp | string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

describe('admin panel: clients, codes and templates, by role (Chromium, worker, Bot API emulator)', () => {
  let emulator: TelegramEmulator;
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    ensureAdminBuilt();
    emulator = await TelegramEmulator.start();
    t = await createTestApp({ env: { TELEGRAM_API_ROOT: emulator.apiRoot, APP_ROLES: 'api,worker' } });
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser.close();
    await t.close();
    await emulator.stop();
  });

  it('a marketer creates a template, issues a code of it on the client card, and the client receives it; then redeems it with the purchase amount', async () => {
    const client = await aUser(t.dataSource, { firstName: 'Алиса', telegramId: 5_550_001 });
    const admin = await anAdminWithPassword(t, { role: 'marketing' });
    const { page, problems } = await newPanelPage(browser);
    await logIn(page, t.url, admin.username);

    await page.getByRole('menuitem', { name: 'Шаблоны скидок' }).click();
    await page.getByRole('link', { name: 'Создать шаблон' }).click();
    await page.getByRole('textbox', { name: 'Название' }).fill('Осенние 15 %');
    await page.getByLabel('Размер скидки, %').fill('15');
    await page.getByText('Сколько дней код действует после выдачи').waitFor();
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByRole('cell', { name: 'Осенние 15 %' }).waitFor();

    await page.goto(`${t.url}/admin/users/${client.id}/show`);
    await page.getByRole('heading', { name: /Алиса/ }).waitFor();
    await page.getByRole('button', { name: 'Выдать код' }).click();
    await choose(page, 'Шаблон скидки', /Осенние 15 %/);
    await page.getByRole('button', { name: 'Выдать', exact: true }).click();
    const notice = await page.getByText(/^Выдан код [A-Z0-9]+$/).innerText();
    const code = notice.replace('Выдан код ', '');

    const delivered = await emulator.waitFor(
      (call) =>
        call.method === 'sendMessage' &&
        call.params.chat_id === 5_550_001 &&
        String(call.params.text).includes(code),
      30_000,
    );
    expect(String(delivered.params.text)).toContain(code);
    await page.getByRole('link', { name: code }).waitFor();

    await page.getByRole('link', { name: code }).click();
    await page.getByRole('button', { name: 'Погасить' }).click();
    await page.getByLabel('Сумма покупки, ₽').fill('1500,50');
    await page.getByRole('button', { name: 'Погасить', exact: true }).last().click();
    await page.getByText('Использован', { exact: true }).first().waitFor();
    await page.getByRole('cell', { name: '1 500,5 ₽' }).waitFor();
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('a readonly admin finds no write control; a forced write shows the Russian refusal', async () => {
    const client = await aUser(t.dataSource, { firstName: 'Борис' });
    const discount = await aDiscount(t.dataSource, client);
    const admin = await anAdminWithPassword(t, { role: 'readonly' });
    const { page } = await newPanelPage(browser);
    await logIn(page, t.url, admin.username);
    const writeControls =
      /^(Изменить|Удалить|Выдать код|Выдать скидку|Теги|Создать шаблон|Погасить|Отозвать|Сохранить)$/;

    await page.goto(`${t.url}/admin/users`);
    await page.getByText('Борис').first().waitFor();
    expect(await page.getByRole('checkbox').count()).toBe(0);
    expect(await page.getByRole('button', { name: writeControls }).count()).toBe(0);
    await page.goto(`${t.url}/admin/users/${client.id}/show`);
    await page.getByRole('heading', { name: /Борис/ }).waitFor();
    expect(await page.getByRole('button', { name: writeControls }).count()).toBe(0);
    expect(await page.getByRole('link', { name: writeControls }).count()).toBe(0);
    await page.goto(`${t.url}/admin/discounts/${discount.code}/show`);
    await page.getByText(discount.code).first().waitFor();
    expect(await page.getByRole('button', { name: writeControls }).count()).toBe(0);
    await page.goto(`${t.url}/admin/discount-templates`);
    await page.getByRole('cell').first().waitFor();
    expect(await page.getByRole('link', { name: writeControls }).count()).toBe(0);

    // The page believes it is a marketer's: the server still refuses, and the panel says so in Russian.
    await alterPanelSession(page, { role: 'marketing' });
    await page.goto(`${t.url}/admin/users/${client.id}/edit`);
    await page.getByLabel('Заметки').fill('Любит лакрицу');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText('У вашей роли нет прав на это действие').waitFor();
    await page.context().close();
  });

  it('a bad tag shows the Russian rule under the tags field', async () => {
    const client = await aUser(t.dataSource, { firstName: 'Вера', tags: ['vip'] });
    const admin = await anAdminWithPassword(t, { role: 'marketing' });
    const { page } = await newPanelPage(browser);
    await logIn(page, t.url, admin.username);
    await page.goto(`${t.url}/admin/users/${client.id}/edit`);
    const tags = page.getByLabel('Теги');
    await tags.fill('плохой тег!');
    await tags.press('Enter');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText('Тег: от 1 до 32 букв, цифр, «_» или «-»').waitFor();
    await page.context().close();
  });
});
