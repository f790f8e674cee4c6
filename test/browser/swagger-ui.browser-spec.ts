import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { createTestApp, TestApp } from '../support/test-app';

/** The browser toolchain itself: Debian's Chromium renders the app's Swagger UI from its OpenAPI document. */
describe('Swagger UI in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    t = await createTestApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await t.close();
  });

  it('renders the operations of the admin API', async () => {
    const page = await browser.newPage();
    await page.goto(`${t.url}/docs`);
    await page.getByText('Dvorik API').first().waitFor();
    await page.locator('.opblock').first().waitFor();
    expect(await page.locator('.opblock').count()).toBeGreaterThan(20);
    await page.close();
  });
});
