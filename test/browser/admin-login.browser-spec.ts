import type { Browser } from 'playwright-core';
import {
  alterPanelSession,
  ensureAdminBuilt,
  logIn,
  newPanelPage,
  panelSession,
} from '../support/admin-panel';
import { anAdminWithPassword } from '../support/auth';
import { launchBrowser } from '../support/browser';
import { createTestApp, TestApp } from '../support/test-app';

// A page of the panel loads in a few seconds on a busy CI machine; the steps wait for what a user sees.
jest.setTimeout(120_000);

describe('admin panel: log in by password, log out, an expired session (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    ensureAdminBuilt();
    t = await createTestApp();
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser.close();
    await t.close();
  });

  it('a wrong password is refused in Russian; the right one opens the dashboard with no CSP violation', async () => {
    const admin = await anAdminWithPassword(t, { role: 'owner' });
    const { page, problems } = await newPanelPage(browser);
    await page.goto(`${t.url}/admin/`);
    await page.getByLabel('Имя пользователя').fill(admin.username);
    await page.getByLabel('Пароль').fill('не-тот-пароль');
    await page.getByRole('button', { name: 'Войти', exact: true }).click();
    await page.getByRole('alert').getByText('Неверное имя пользователя или пароль').waitFor();

    await logIn(page, t.url, admin.username);
    expect(await page.getByRole('menuitem', { name: 'Клиенты' }).count()).toBe(1);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('logout revokes the token: the API refuses it afterwards', async () => {
    const admin = await anAdminWithPassword(t, { role: 'marketing' });
    const { page } = await newPanelPage(browser);
    await logIn(page, t.url, admin.username);
    const { token } = await panelSession(page);
    expect(typeof token).toBe('string');
    await page.getByRole('button', { name: 'Профиль' }).click();
    await page.getByRole('menuitem', { name: 'Выйти' }).click();
    await page.getByLabel('Имя пользователя').waitFor();
    const response = await fetch(`${t.url}/api/v1/auth/me`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(401);
    await page.context().close();
  });

  it('an expired session returns to the login page with a Russian message', async () => {
    const admin = await anAdminWithPassword(t, { role: 'readonly' });
    const { page } = await newPanelPage(browser);
    await logIn(page, t.url, admin.username);
    // The token dies on the server (as at expiry): the next request gets 401.
    await alterPanelSession(page, { token: 'expired.token.value' });
    await page.getByRole('menuitem', { name: 'Клиенты' }).click();
    await page.getByText('Сеанс истёк, войдите снова').waitFor();
    await page.getByLabel('Имя пользователя').waitFor();
    await page.context().close();
  });
});
