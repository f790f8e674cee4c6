import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { TEST_PASSWORD } from './auth';
import AxeBuilder from '@axe-core/playwright';
import { AdminRole } from '../../src/common/auth/access';
import { IssueTelegramLoginTokenCommand } from '../../src/modules/auth/commands/issue-telegram-login-token.command';
import { Admin } from '../../src/modules/staff/persistence/admin.entity';
import { anAdmin } from './factories';
import { TestApp } from './test-app';

const WEB_ADMIN = join(__dirname, '..', '..', 'web', 'admin');

/**
 * Builds the panel (npm run build -w web/admin) unless web/admin/dist is there, so the browser tests drive
 * the same files the app serves in production. A fresh clone builds once (about a minute).
 */
export function ensureAdminBuilt(): void {
  if (existsSync(join(WEB_ADMIN, 'dist', 'index.html'))) return;
  execFileSync('npm', ['run', 'build', '-w', 'web/admin'], {
    cwd: join(WEB_ADMIN, '..', '..'),
    stdio: 'inherit',
    // jest sets NODE_ENV=test, which would make Vite ship React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

/** A phone's viewport (iPhone 12–15: 390 × 844). */
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

/** A fresh page (its own session storage) in Russian, recording CSP violations and page errors. */
export async function newPanelPage(
  browser: Browser,
  viewport = DESKTOP,
): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport, locale: 'ru-RU', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      problems.push(`csp: ${message.text()}`);
  });
  return { page, problems };
}

/** Logs in on the panel's login page with TEST_PASSWORD and waits for the dashboard. */
export async function logIn(
  page: Page,
  url: string,
  username: string,
  password = TEST_PASSWORD,
): Promise<void> {
  // Already on the login page (a test looked at it first): log in there.
  if (!page.url().startsWith(`${url}/admin/login`)) await page.goto(`${url}/admin/`);
  await page.getByLabel('Имя пользователя').fill(username);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /^Сводка/ }).waitFor();
}

/** The panel's session in the page (sessionStorage `dvorik.session`); test code runs without DOM types. */
export async function panelSession(page: Page): Promise<{ token: string; role: string }> {
  return page.evaluate(`JSON.parse(sessionStorage.getItem('dvorik.session') || '{}')`);
}

/** Changes the page's idea of its session (a token gone bad, a role it does not have). */
export async function alterPanelSession(page: Page, patch: Record<string, string>): Promise<void> {
  const json = JSON.stringify(patch);
  await page.evaluate(
    `sessionStorage.setItem('dvorik.session', JSON.stringify({ ...JSON.parse(sessionStorage.getItem('dvorik.session') || '{}'), ...${json} }))`,
  );
}

/**
 * The elements that stick out past the right edge of the window (none may at 390 px), as `tag.class`
 * lines; elements inside a sideways-scrolling box (wide tables) do not count.
 */
export async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const width = document.documentElement.clientWidth;
    const inScroller = (el) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
      }
      return false;
    };
    const wide = [...document.body.querySelectorAll('*')].filter(
      (el) => el.getBoundingClientRect().right > width + 1 && !inScroller(el),
    );
    // The deepest ones: the elements that cause it, not every ancestor they widen.
    return wide
      .filter((el) => !wide.some((other) => other !== el && el.contains(other)))
      .slice(0, 10)
      .map((el) => el.tagName.toLowerCase() + '.' + String(el.className).split(' ').slice(0, 2).join('.'));
  })()`) as Promise<string[]>;
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
  // react-admin's loading spinners are unnamed and vanish when the data is in: judge the settled page
  // (no request in flight, no spinner left, no transition running: a notification fading in or out is
  // half transparent, which axe reads as too little contrast).
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => {
    const { document } = globalThis as unknown as {
      document: {
        querySelectorAll(selector: string): { length: number };
        getAnimations(): Array<{
          playState: string;
          effect: { getTiming(): { iterations?: number } } | null;
        }>;
      };
    };
    return (
      document.querySelectorAll('[role="progressbar"]:not([aria-label]):not([aria-labelledby])').length ===
        0 &&
      document
        .getAnimations()
        .every(
          (animation) =>
            animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity,
        )
    );
  });
  const result = await new AxeBuilder({ page } as never).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}
