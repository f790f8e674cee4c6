import type { Browser, Page } from 'playwright-core';
import { ensureAdminBuilt, logIn, newPanelPage, panelSession } from '../support/admin-panel';
import { anAdminWithPassword, TEST_PASSWORD } from '../support/auth';
import { launchBrowser } from '../support/browser';
import { aUser } from '../support/factories';
import { createTestApp, eventually, TestApp } from '../support/test-app';
import { Broadcast } from '../../src/modules/broadcasts/persistence/broadcast.entity';
import { User } from '../../src/modules/users/persistence/user.entity';

jest.setTimeout(120_000);

/** The page's sessionStorage, key by key (test code runs without DOM types). */
const storage = (page: Page) =>
  page.evaluate(
    `Object.fromEntries(Object.keys(sessionStorage).map((key) => [key, sessionStorage.getItem(key)]))`,
  ) as Promise<Record<string, string>>;

describe('admin panel: a session that ends while a form is edited keeps the form (Chromium)', () => {
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

  /** Ends the page's session on the server (the token is revoked, as when it expires): the next call is 401. */
  async function endSession(page: Page): Promise<string> {
    const { token } = await panelSession(page);
    const response = await fetch(`${t.url}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(response.status).toBeLessThan(300);
    return token;
  }

  /** Submits the form with the dead token: the login page says why; logs in again there. */
  async function saveAndLogInAgain(page: Page, username: string, token: string): Promise<void> {
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText('Сеанс истёк, войдите снова').waitFor();
    // What the tab keeps meanwhile: the draft, and never a token.
    const kept = await storage(page);
    expect(kept['dvorik.session']).toBeUndefined();
    expect(Object.values(kept).some((value) => value.includes(token))).toBe(false);
    expect(Object.keys(kept).filter((key) => key.startsWith('dvorik.draft:')).length).toBe(1);
    await page.getByLabel('Имя пользователя').fill(username);
    await page.getByLabel('Пароль').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Войти', exact: true }).click();
  }

  it("a client's notes: back on the same client's form with the text, saved, and no draft left", async () => {
    const client = await aUser(t.dataSource, { firstName: 'Лидия', notes: null });
    const admin = await anAdminWithPassword(t, { role: 'marketing' });
    const { page, problems } = await newPanelPage(browser);
    await logIn(page, t.url, admin.username);
    await page.goto(`${t.url}/admin/users/${client.id}/edit`);
    const notes = 'Просила отложить коробку облепиховых мишек до пятницы';
    await page.getByLabel('Заметки').fill(notes);
    const token = await endSession(page);

    await saveAndLogInAgain(page, admin.username, token);
    await page.waitForURL(`${t.url}/admin/users/${client.id}/edit`);
    await eventually(async () => (await page.getByLabel('Заметки').inputValue()) === notes || undefined);
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.waitForURL(`${t.url}/admin/users/${client.id}/show`);
    const saved = await eventually(async () => {
      const row = await t.dataSource.getRepository(User).findOneByOrFail({ id: client.id });
      return row.notes === notes ? row : undefined;
    });
    expect(saved?.notes).toBe(notes);
    expect(Object.keys(await storage(page)).filter((key) => key.startsWith('dvorik.draft:'))).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('a broadcast being composed: title and text are back after logging in, and it is saved', async () => {
    const admin = await anAdminWithPassword(t, { role: 'marketing' });
    const { page, problems } = await newPanelPage(browser);
    await logIn(page, t.url, admin.username);
    await page.goto(`${t.url}/admin/broadcasts/create`);
    await page.getByLabel('Название (клиенты его не видят)').fill('Черничные пастилки');
    const text = 'Черничная пастила снова на полке: приходите до воскресенья';
    await page.getByLabel('Текст сообщения').fill(text);
    const token = await endSession(page);

    await saveAndLogInAgain(page, admin.username, token);
    await page.waitForURL(`${t.url}/admin/broadcasts/create`);
    await eventually(
      async () => (await page.getByLabel('Текст сообщения').inputValue()) === text || undefined,
    );
    expect(await page.getByLabel('Название (клиенты его не видят)').inputValue()).toBe('Черничные пастилки');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    const broadcast = await eventually(() =>
      t.dataSource.getRepository(Broadcast).findOneBy({ title: 'Черничные пастилки' }),
    );
    expect(broadcast?.text).toBe(text);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('logging out on purpose keeps nothing', async () => {
    const client = await aUser(t.dataSource, { firstName: 'Зоя' });
    const admin = await anAdminWithPassword(t, { role: 'marketing' });
    const { page } = await newPanelPage(browser);
    await logIn(page, t.url, admin.username);
    await page.goto(`${t.url}/admin/users/${client.id}/edit`);
    await page.getByLabel('Заметки').fill('Не сохранять');
    await page.getByRole('button', { name: 'Профиль' }).click();
    await page.getByRole('menuitem', { name: 'Выйти' }).click();
    await page.getByLabel('Имя пользователя').waitFor();
    expect(Object.keys(await storage(page)).filter((key) => key.startsWith('dvorik.'))).toEqual([]);
    await page.context().close();
  });
});
