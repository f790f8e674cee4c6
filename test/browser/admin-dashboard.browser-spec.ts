import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { ensureAdminBuilt, logIn, newPanelPage } from '../support/admin-panel';
import { anAdminWithPassword, loginAs } from '../support/auth';
import { launchBrowser } from '../support/browser';
import { aCashier, aUser } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(180_000);

const number = new Intl.NumberFormat('ru-RU');

/** The figure a KPI card shows, as the page renders it. */
const card = (page: Page, id: string) => page.getByTestId(`kpi-${id}`).innerText();

describe('admin panel: the dashboard shows the API figures of a hand-built shop (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let auth: { Authorization: string };
  beforeAll(async () => {
    ensureAdminBuilt();
    t = await createTestApp();
    browser = await launchBrowser();
    ({ auth } = await loginAs(t, 'owner'));
    // The shop: five clients from two sources, two subscribed; three codes issued, one redeemed; a cashier waits.
    const day = 24 * 3600 * 1000;
    const users = [
      await aUser(t.dataSource, {
        source: 'instagram',
        isSubscribed: true,
        createdAt: new Date(Date.now() - 2 * day),
      }),
      await aUser(t.dataSource, { source: 'instagram', isSubscribed: true }),
      await aUser(t.dataSource, { source: 'instagram' }),
      await aUser(t.dataSource, { source: 'direct', birthDate: '1990-05-17' }),
      await aUser(t.dataSource, { source: 'direct', createdAt: new Date(Date.now() - 20 * day) }),
    ];
    const issued: string[] = [];
    for (const user of users.slice(0, 3)) {
      const response = await request(t.url)
        .post('/api/v1/discounts')
        .set(auth)
        .send({ userId: user.id, templateId: 3 });
      expect(response.status).toBe(201);
      issued.push(response.body.code);
    }
    const redeemed = await request(t.url)
      .post(`/api/v1/discounts/${issued[0]}/redeem`)
      .set(auth)
      .send({ purchaseAmount: 150000 });
    expect(redeemed.status).toBe(200);
    await aCashier(t.dataSource);
  });
  afterAll(async () => {
    await browser.close();
    await t.close();
  });

  it('the KPI cards, the sources table and the alerts equal GET /stats for the last 30 days and for 7 days', async () => {
    const admin = await anAdminWithPassword(t, { role: 'readonly' });
    const { page, problems } = await newPanelPage(browser);
    await logIn(page, t.url, admin.username);

    const kpi = (await request(t.url).get('/api/v1/stats/kpi').set(auth).expect(200)).body;
    expect([kpi.users.new, kpi.codes.issued, kpi.codes.redeemed]).toEqual([5, 3, 1]);
    await page.getByTestId('kpi-users-new').waitFor();
    expect(await card(page, 'users-total')).toBe(number.format(kpi.users.total));
    expect(await card(page, 'users-new')).toBe('5');
    expect(await card(page, 'codes-issued')).toBe('3');
    expect(await card(page, 'codes-redeemed')).toBe('1');
    expect(await card(page, 'users-subscribed')).toBe(number.format(kpi.users.subscribed));
    expect(await card(page, 'birthdays')).toBe(number.format(kpi.users.birthdaysSet));
    expect(await card(page, 'cashiers')).toBe(number.format(kpi.activeCashiers));

    const sources = (await request(t.url).get('/api/v1/stats/sources').set(auth).expect(200)).body
      .items as Array<{
      source: string;
      registrations: number;
      subscriptions: number;
      redemptions: number;
    }>;
    expect(sources.find((s) => s.source === 'instagram')).toMatchObject({
      registrations: 3,
      subscriptions: 2,
      redemptions: 1,
    });
    for (const row of sources) {
      const cells = await page.locator(`tr[data-source="${row.source}"] td`).allInnerTexts();
      expect(cells).toEqual([
        row.source,
        String(row.registrations),
        String(row.subscriptions),
        String(row.redemptions),
      ]);
    }
    await page.getByTestId('alert-cashiers').getByText('Кассиров ждут решения: 1').waitFor();
    await page.getByRole('img', { name: /График по дням/ }).waitFor();

    // 7 days: the client registered 20 days ago drops out.
    await page.getByRole('button', { name: '7 дней' }).click();
    const from = new Date(`${kpi.to}T00:00:00Z`);
    from.setUTCDate(from.getUTCDate() - 6);
    const weekKpi = (
      await request(t.url)
        .get('/api/v1/stats/kpi')
        .query({ from: from.toISOString().slice(0, 10), to: kpi.to })
        .set(auth)
        .expect(200)
    ).body;
    expect(weekKpi.users.new).toBe(4);
    await page.getByTestId('kpi-users-new').getByText('4', { exact: true }).waitFor();
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
