import type { Browser, Page } from 'playwright-core';
import { ensureAdminBuilt, panelPageAs, seriousViolations } from '../support/admin-panel';
import { launchBrowser } from '../support/browser';
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/** The rest of part B's pages: they open, say what they must, and pass axe-core. */
describe('texts, admins, settings, audit log and jobs pages', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    ensureAdminBuilt();
    t = await createTestApp({ env: { APP_ROLES: 'api,worker' } });
    browser = await launchBrowser();
    ({ page } = await panelPageAs(t, browser, 'owner', { username: 'olga' }));
  });
  afterAll(async () => {
    await browser.close();
    await t.close();
  });

  it('edits a bot text with its placeholders listed and a live preview', async () => {
    await page.goto(`${t.url}/admin/message-templates/welcome`);
    await page.getByTestId('placeholders').getByText('{first_name}').waitFor();
    const text = page.getByLabel('Текст (Telegram HTML)');
    await text.fill('Привет, <b>{first_name}</b>!');
    await page.getByTestId('text-preview').locator('b').waitFor();
    expect(await page.getByTestId('text-preview').textContent()).toMatch(/^Привет, .+!$/);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it.each([
    ['message-templates', 'welcome'],
    ['admins', 'olga'],
    ['admins/create', 'Имя пользователя'],
    ['settings', 'shop.timezone'],
    ['audit-logs', 'admin.login'],
    ['jobs', 'Задачи'],
    ['segments', 'Сегменты'],
    ['segments/create', 'Клиентов в сегменте'],
    ['broadcasts', 'Рассылки'],
    ['broadcasts/create', 'Как увидит клиент'],
    ['cashiers', 'Кассиры'],
  ])('/admin/%s shows «%s» with no serious accessibility violation', async (path, expected) => {
    await page.goto(`${t.url}/admin/${path}`);
    await page.getByText(expected).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
