import request from 'supertest';
import type { Browser } from 'playwright-core';
import { User } from '../../src/modules/users/persistence/user.entity';
import { Segment } from '../../src/modules/segments/persistence/segment.entity';
import { ensureAdminBuilt, panelPageAs, seriousViolations } from '../support/admin-panel';
import { loginAs } from '../support/auth';
import { launchBrowser } from '../support/browser';
import { aUser } from '../support/factories';
import { createTestApp, eventually, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/** Сегменты: the visual builder counts what the API counts, and shows where a rule is wrong. */
describe('the segment builder', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    ensureAdminBuilt();
    t = await createTestApp({ env: { APP_ROLES: 'api' } });
    browser = await launchBrowser();
    for (let i = 0; i < 5; i++) await aUser(t.dataSource, { tags: ['vip'], isSubscribed: i < 3 });
    for (let i = 0; i < 4; i++) await aUser(t.dataSource, { tags: ['новичок'], isSubscribed: true });
  });
  afterAll(async () => {
    await browser.close();
    await t.close();
  });

  it('builds a two-rule segment showing the API’s count, highlights a bad rule, and saves it', async () => {
    const { page } = await panelPageAs(t, browser, 'marketing');
    await page.goto(`${t.url}/admin/segments/create`);
    await page.getByLabel('Название').fill('VIP-подписчики');

    await page.getByRole('button', { name: 'Условие', exact: true }).click();
    await page.getByLabel('Значение условия 1 (через запятую)').fill('vip');
    await page.getByRole('button', { name: 'Условие', exact: true }).click();
    await page.getByLabel('Поле условия 2').selectOption('isSubscribed');
    await page.getByLabel('Значение условия 2').selectOption('true');

    const filter = {
      all: [
        { field: 'tags', op: 'any', value: ['vip'] },
        { field: 'isSubscribed', op: 'eq', value: true },
      ],
    };
    const { auth } = await loginAs(t, 'marketing');
    const api = await request(t.url).post('/api/v1/segments/preview').set(auth).send({ filter });
    expect(api.body.count).toBe(3);
    await page.getByTestId('segment-count').getByText(String(api.body.count), { exact: true }).waitFor();
    expect(await page.getByTestId('segment-clients').getByRole('listitem').count()).toBe(3);

    // An empty tag list is refused by the API: its path lands on rule 1, outlined and explained.
    await page.getByLabel('Значение условия 1 (через запятую)').fill('');
    await page.locator('[data-testid="segment-rule-all[0]"][aria-invalid="true"]').waitFor();
    await page.getByTestId('segment-rule-all[0]').getByRole('alert').waitFor();
    expect(await page.locator('[data-testid="segment-rule-all[1]"]').getAttribute('aria-invalid')).toBe(
      'false',
    );

    await page.getByLabel('Значение условия 1 (через запятую)').fill('vip');
    await page.getByTestId('segment-count').getByText('3', { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Сохранить' }).click();
    const saved = await eventually(() =>
      t.dataSource.getRepository(Segment).findOneBy({ name: 'VIP-подписчики' }),
    );
    expect(saved?.filter).toEqual(filter);
    await page.close();
  });

  it('tags every client of a saved segment from its page, as the API resolves the segment', async () => {
    const saved = await t.dataSource.getRepository(Segment).findOneByOrFail({ name: 'VIP-подписчики' });
    const { page } = await panelPageAs(t, browser, 'marketing');
    await page.goto(`${t.url}/admin/segments/${saved.id}`);
    await page.getByRole('button', { name: 'Теги клиентам сегмента' }).click();
    await page.getByLabel('Добавить теги').fill('акция_декабрь');
    await page.getByRole('button', { name: 'Применить' }).click();
    await page.getByText('Теги изменены у 3 из 3').waitFor();

    const users = await t.dataSource.getRepository(User).find();
    const tagged = users.filter((user) => user.tags.includes('акция_декабрь'));
    expect(tagged).toHaveLength(3);
    expect(tagged.every((user) => user.tags.includes('vip') && user.isSubscribed)).toBe(true);

    // A bad tag is refused by the API and said next to the form, in Russian; nothing changes.
    await page.getByRole('button', { name: 'Теги клиентам сегмента' }).click();
    await page.getByLabel('Добавить теги').fill('плохой!тег');
    await page.getByRole('button', { name: 'Применить' }).click();
    await page.getByRole('dialog').getByRole('alert').waitFor();
    expect(
      (await t.dataSource.getRepository(User).find()).filter((u) => u.tags.includes('плохой!тег')),
    ).toEqual([]);
    await page.close();
  });
});
