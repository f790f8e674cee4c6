import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { AdminRole } from '../../src/common/auth/access';
import { IssueTelegramLoginTokenCommand } from '../../src/modules/auth/commands/issue-telegram-login-token.command';
import { Admin } from '../../src/modules/staff/persistence/admin.entity';
import { anAdmin } from './factories';
import { TestApp } from './test-app';

const DIST = join(__dirname, '..', '..', 'web', 'admin', 'dist', 'index.html');

/** The built panel the app serves at /admin; built once when missing (`npm run build:admin`). */
export function ensurePanelBuilt(): void {
  if (existsSync(DIST)) return;
  execSync('npm run build:admin', { cwd: join(__dirname, '..', '..'), stdio: 'inherit' });
}

let telegramIds = 8_800_000;

/**
 * A page logged in to the panel as a new admin of `role`, the way the staff bot's /login does it: a
 * one-time token in the link `/admin/login#token=...` (the API exchanges it, the page lands on the panel).
 */
export async function panelPageAs(
  t: TestApp,
  browser: Browser,
  role: AdminRole,
  fields: Partial<Admin> = {},
): Promise<{ page: Page; admin: Admin }> {
  const admin = await anAdmin(t.dataSource, { role, telegramId: ++telegramIds, ...fields });
  const { token } = await t.commands.execute(new IssueTelegramLoginTokenCommand(admin.telegramId as number));
  // A context of its own (axe-core needs one), so sessions of two admins never mix.
  const context = await browser.newContext({ locale: 'ru-RU', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // A locator that never appears fails with its own name, well inside the test's timeout.
  page.setDefaultTimeout(15_000);
  // A page error shows in the test's output, next to the locator that then timed out.
  page.on('pageerror', (error) => console.error(`panel page error: ${error.message}`));
  await page.goto(`${t.url}/admin/login#token=${token}`);
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
  await page.getByRole('navigation').or(page.locator('.RaSidebar-fixed')).first().waitFor();
  return { page, admin };
}

/** axe-core on the page as it is now: the serious and critical violations (none expected). */
export async function seriousViolations(page: Page): Promise<Array<{ id: string; nodes: string[] }>> {
  // react-admin's loading spinners are unnamed and vanish when the data is in: judge the settled page.
  await page.waitForFunction(() => {
    const { document } = globalThis as unknown as {
      document: { querySelectorAll(selector: string): { length: number } };
    };
    return (
      document.querySelectorAll('[role="progressbar"]:not([aria-label]):not([aria-labelledby])').length === 0
    );
  });
  const result = await new AxeBuilder({ page } as never).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}
