/**
 * Speed of the admin panel in Chromium at the bench scale (100 000 clients, 1 000 000 codes), and its size.
 *
 *   npm run bench:admin-panel            (BENCH_USERS=100000 BENCH_CODES=1000000 BENCH_RUNS=9)
 *   BENCH_REUSE_DB=1 npm run bench:admin-panel    (keeps the seeded shop for the next run, and reuses it)
 *   BENCH_TRACE=1 …                      (one more navigation traced: main-thread self time per event)
 *
 * Builds the panel if web/admin/dist is missing, creates a throwaway database `dvorik_bench_<run>` (with
 * BENCH_REUSE_DB, `dvorik_bench_admin_panel_<users>_<codes>_<audit rows>`, seeded only when it does not hold
 * that shop yet) on BENCH_DATABASE_SERVER (default mysql://root@127.0.0.1:3306), seeds the stats bench's
 * shop (clients, codes,
 * redemptions, broadcasts, cashiers; no audit rows unless BENCH_AUDIT_LOGS), builds the stats rollup once
 * (what the worker does every hour), starts the application (api role, serving /admin) on a random port and
 * opens the panel in Debian's Chromium (launchBrowser) with a readonly admin's session already in the tab.
 *
 * For the dashboard (/admin/) and the first page of the client list (/admin/users) it times, as the median
 * of BENCH_RUNS loads after a warm-up, the time from the start of the navigation to the first frame that
 * shows the figures (the KPI cards holding GET /stats/kpi's numbers) or the rows (every row of the first
 * page, the first one the API's first client); the clock is the page's own (performance.now(), 0 at
 * navigation start). Each load is timed cold (a new browser context: empty HTTP cache) and warm (a new tab
 * of a context that already loaded the panel: its hashed assets come from the cache, as for an admin who
 * opens the panel again). Each figure is printed as a ratio to the API call behind it (the very request the
 * page sent, e.g. GET /api/v1/stats/kpi?from=…&to=…, GET /api/v1/users?page=1&limit=25&…), timed from Node
 * with the same token in the same run; the page's API calls all fired together are timed too.
 *
 * Then in-app navigation (the fair measure for a single-page app): from the dashboard, fully shown in a tab
 * of a context that has the panel cached, a click on «Клиенты» in the menu to every row of the list's first
 * page on screen, against the same list request timed from Node.
 *
 * Then the panel's shipped size, gzipped JS + CSS (scripts/admin-bundle-size.ts): the first screen (the
 * login page), what a cold load of the dashboard fetched until its figures showed, and all that tab fetched
 * (its charts, and the main pages the panel prefetches when idle), and every chunk of the build. The browser, the application, the database and the run's Redis keys are
 * closed and dropped at the end, whatever happens (BENCH_KEEP_DB=1 keeps the database); it exits by itself.
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import type { Connection } from 'mysql2/promise';
import type { Browser, BrowserContext } from 'playwright-core';
import { CommandBus } from '@nestjs/cqrs';
import { RefreshStatsRollupCommand } from '../src/modules/stats/commands/refresh-stats-rollup.command';
import { allAssets, firstScreenAssets, gzippedTotal, kb } from '../scripts/admin-bundle-size';
import { DESKTOP, ensureAdminBuilt } from '../test/support/admin-panel';
import { launchBrowser } from '../test/support/browser';
import { type CpuProfile, mainThreadSelfTimes, profileSelfTimes } from './support/trace-breakdown';
import { seedStatsShop } from './stats-seed';
import * as harness from './support/harness';

const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const CODES = Number(process.env.BENCH_CODES ?? 1_000_000);
const AUDIT_LOGS = Number(process.env.BENCH_AUDIT_LOGS ?? 0);
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
/** BENCH_TRACE=1: after the timed navigations, one more under Chromium's tracing, broken down by event. */
const TRACE = process.env.BENCH_TRACE === '1';
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'];
/** BENCH_REUSE_DB=1 keeps this shop between runs (seeding a million codes is the slow part of a run). */
const DATABASE = harness.benchDatabase(undefined, {
  name: `admin_panel_${USERS}_${CODES}_${AUDIT_LOGS}`,
  counts: { users: USERS, discounts: CODES, audit_logs: AUDIT_LOGS },
});
const NOW = new Date();
/** How long one load may take before the bench gives up on it. */
const LOAD_TIMEOUT_MS = 120_000;

const seed = (db: Connection) =>
  seedStatsShop(db, { users: USERS, codes: CODES, auditLogs: AUDIT_LOGS, now: NOW, seed: 20_261_206 });

/**
 * What a page must show: each selector's element present and, unless null, its digits equal to these (the
 * page groups figures with spaces); each selector matched by exactly so many elements.
 */
interface Expected {
  digits: [selector: string, digits: string | null][];
  counts: [selector: string, count: number][];
}

/**
 * Runs in the page (serialized by Playwright, so self-contained; a function, not a string, because the
 * panel's CSP forbids eval): the page's performance.now() once `expected` holds, else false.
 */
function shownAt({ digits, counts }: Expected): number | false {
  const { document, performance } = globalThis as unknown as {
    document: {
      querySelector(selector: string): { textContent: string | null } | null;
      querySelectorAll(selector: string): { length: number };
    };
    performance: { now(): number };
  };
  for (const [selector, want] of digits) {
    const element = document.querySelector(selector);
    if (!element || (want !== null && (element.textContent ?? '').replace(/\D/g, '') !== want)) return false;
  }
  for (const [selector, count] of counts)
    if (document.querySelectorAll(selector).length !== count) return false;
  return performance.now();
}

/** One page of the panel: its path, the API request behind what it shows, and when that is on screen. */
interface PanelPage {
  name: string;
  path: string;
  /** The API request (path and query, as the page sends it) whose answer the page shows. */
  main: RegExp;
  /** What the page shows once loaded, whatever the figures (for the warm-up). */
  loaded: Expected;
  /** What the page shows once the answer `body` of `main` is on screen. */
  ready: (body: string) => Expected;
}

const kpiCard = (id: string) => `[data-testid="kpi-${id}"]`;
const ROW = 'tbody tr.RaDatagrid-row';

const PAGES: PanelPage[] = [
  {
    name: 'dashboard: KPI figures',
    path: '/admin/',
    main: /^\/api\/v1\/stats\/kpi\b/,
    loaded: {
      digits: [
        [kpiCard('users-total'), null],
        ['[role="img"][aria-label^="График"]', null],
      ],
      counts: [],
    },
    ready: (body) => {
      const kpi = JSON.parse(body) as { users: { total: number }; codes: { issued: number } };
      return {
        digits: [
          [kpiCard('users-total'), String(kpi.users.total)],
          [kpiCard('codes-issued'), String(kpi.codes.issued)],
        ],
        counts: [],
      };
    },
  },
  {
    name: 'client list: first page',
    path: '/admin/users',
    main: /^\/api\/v1\/users\?/,
    loaded: { digits: [[ROW, null]], counts: [] },
    ready: (body) => {
      const { items } = JSON.parse(body) as { items: { id: number }[] };
      if (items.length === 0) throw new Error('the client list is empty: nothing to wait for');
      return { digits: [[`${ROW} td.column-id`, String(items[0].id)]], counts: [[ROW, items.length]] };
    },
  },
];

/** A browser context whose tabs start with the bench admin's session (the panel's sessionStorage entry). */
async function sessionContext(browser: Browser, session: object): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'ru-RU' });
  await context.addInitScript(
    // Not in the blank page a new tab starts with (no storage there), only in the panel's.
    `if (location.protocol.startsWith('http')) sessionStorage.setItem('dvorik.session', ${JSON.stringify(JSON.stringify(session))})`,
  );
  return context;
}

/**
 * Opens `url` in a new tab of `context`; the page's milliseconds from navigation start to the first frame
 * where `ready` holds, the API requests (path and query) and the asset files (`assets/…`) the tab fetched.
 */
async function load(
  context: BrowserContext,
  url: string,
  ready: Expected,
): Promise<{ ms: number; api: string[]; assets: string[]; assetsUntilShown: string[] }> {
  const page = await context.newPage();
  const api: string[] = [];
  const assets: string[] = [];
  page.on('request', (request) => {
    const { pathname, search } = new URL(request.url());
    if (pathname.startsWith('/api/') && request.method() === 'GET') api.push(pathname + search);
    const asset = /^\/admin\/(assets\/.+\.(?:js|css))$/.exec(pathname);
    if (asset) assets.push(asset[1]);
  });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const shown = await page
      .waitForFunction(shownAt, ready, { polling: 'raf', timeout: LOAD_TIMEOUT_MS })
      .catch(async (error: Error) => {
        const text = await page
          .locator('body')
          .innerText()
          .catch(() => '');
        throw new Error(
          `${url}: ${error.message}; page errors: ${problems.join('; ') || 'none'}; it shows: ${text.slice(0, 400)}`,
        );
      });
    const ms = (await shown.jsonValue()) as number;
    // The assets received before that frame, by the page's own resource timing.
    const assetsUntilShown = await page.evaluate(
      (shownMs) =>
        (
          globalThis as unknown as {
            performance: { getEntriesByType(type: string): { name: string; responseEnd: number }[] };
          }
        ).performance
          .getEntriesByType('resource')
          .filter((entry) => entry.responseEnd <= shownMs)
          .map((entry) => /\/admin\/(assets\/.+\.(?:js|css))$/.exec(new URL(entry.name).pathname)?.[1])
          .filter((asset): asset is string => asset !== undefined),
      ms,
    );
    // What the tab fetches afterwards (the dashboard's charts, the main pages prefetched when idle).
    await page.waitForLoadState('networkidle');
    if (problems.length) throw new Error(`${url}: page errors: ${problems.join('; ')}`);
    return { ms, api, assets, assetsUntilShown };
  } finally {
    await page.close();
  }
}

/**
 * In-app navigation, as an admin moves about the panel: a new tab of `context` opens the dashboard and waits
 * until it is fully shown (figures and chart), then clicks «Клиенты» in the menu; the milliseconds from the
 * click (the page's own clock, read by a capturing listener) to the first frame where `ready` holds, and the
 * API requests sent after the click.
 */
async function navigateToClients(
  context: BrowserContext,
  base: string,
  ready: Expected,
  trace?: Browser,
): Promise<{ ms: number; api: string[]; trace?: string; profile?: CpuProfile }> {
  const page = await context.newPage();
  const api: string[] = [];
  let clicked = false;
  page.on('request', (request) => {
    const { pathname, search } = new URL(request.url());
    if (clicked && pathname.startsWith('/api/') && request.method() === 'GET') api.push(pathname + search);
  });
  try {
    await page.goto(`${base}/admin/`, { waitUntil: 'commit' });
    await page.waitForFunction(shownAt, PAGES[0].loaded, { polling: 'raf', timeout: LOAD_TIMEOUT_MS });
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => {
      const tab = globalThis as unknown as {
        clickedAt?: number;
        document: { addEventListener(type: string, listener: () => void, options: object): void };
        performance: { now(): number };
      };
      tab.document.addEventListener('click', () => (tab.clickedAt = tab.performance.now()), {
        capture: true,
        once: true,
      });
    });
    clicked = true;
    const menuItem = page.getByRole('menuitem', { name: 'Клиенты' });
    await menuItem.waitFor();
    const cdp = trace ? await context.newCDPSession(page) : undefined;
    if (trace && cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await trace.startTracing(page, { categories: TRACE_CATEGORIES });
      await cdp.send('Profiler.start');
    }
    await menuItem.click();
    const shown = await page.waitForFunction(shownAt, ready, { polling: 'raf', timeout: LOAD_TIMEOUT_MS });
    const shownAtMs = (await shown.jsonValue()) as number;
    const profile = cdp ? ((await cdp.send('Profiler.stop')).profile as CpuProfile) : undefined;
    const traced = trace ? (await trace.stopTracing()).toString('utf8') : undefined;
    const clickedAt = await page.evaluate(() => (globalThis as unknown as { clickedAt: number }).clickedAt);
    return { ms: shownAtMs - clickedAt, api, trace: traced, profile };
  } finally {
    await page.close();
  }
}

/** Median of RUNS page milliseconds of `run`. */
async function medianOf(run: () => Promise<number>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await run());
  return harness.median(samples);
}

/** A load in a fresh context of its own, closed afterwards: nothing cached. */
async function coldLoad(browser: Browser, session: object, url: string, ready: Expected) {
  const context = await sessionContext(browser, session);
  try {
    return await load(context, url, ready);
  } finally {
    await context.close();
  }
}

/**
 * Dashboard → «Клиенты» by the menu, in a context whose assets are cached (an admin who has the panel open),
 * against the client list's request timed again now; fails if the page asked for another first page.
 */
async function measureNavigation(
  browser: Browser,
  session: object,
  base: string,
  clientList: { main: string; ready: Expected },
  get: (path: string) => Promise<string>,
): Promise<void> {
  const context = await sessionContext(browser, session);
  try {
    const first = await navigateToClients(context, base, clientList.ready);
    const main = first.api.find((path) => path === clientList.main);
    if (!main) throw new Error(`navigation: no request ${clientList.main} among ${first.api.join(', ')}`);
    const apiMs = await harness.timed(RUNS, () => get(main));
    const navigationMs = await medianOf(
      async () => (await navigateToClients(context, base, clientList.ready)).ms,
    );
    const rows: harness.ResultRow[] = [
      [`API: ${main}`, apiMs, 'the request behind it, from Node'],
      [`navigation: dashboard → client list`, navigationMs, 'menu click → every row on screen'],
    ];
    harness.printTable(rows, apiMs, Math.max(...rows.map(([name]) => name.length)));
    if (TRACE) {
      const { ms, trace, profile } = await navigateToClients(context, base, clientList.ready, browser);
      console.log(`\nBENCH_TRACE: one traced navigation, ${ms.toFixed(1)} ms (tracing adds its own cost);`);
      console.log('renderer main thread, self time per event, ms:');
      for (const [name, eventMs] of mainThreadSelfTimes(trace ?? '').slice(0, 15))
        console.log(`  ${name.padEnd(40)} ${eventMs.toFixed(1).padStart(8)}`);
      console.log('CPU profile of the same click, self time per function, ms:');
      for (const [name, selfMs] of profileSelfTimes(
        profile ?? { nodes: [], samples: [], timeDeltas: [] },
      ).slice(0, 40))
        console.log(`  ${name.slice(0, 70).padEnd(70)} ${selfMs.toFixed(1).padStart(8)}`);
    }
  } finally {
    await context.close();
  }
}

async function measure({ app, base, dataSource, headers }: harness.RunningBench): Promise<void> {
  const get = async (path: string) => {
    const response = await fetch(`${base}${path}`, { headers });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${body}`);
    return body;
  };
  const started = performance.now();
  const rollup = await app.get(CommandBus).execute(new RefreshStatsRollupCommand());
  console.log(
    `stats rollup built (${rollup.mode}, ${rollup.figures} figures) in ${harness.seconds(started)}`,
  );

  const [{ id }] = (await dataSource.query("SELECT id FROM admins WHERE username = 'bench'")) as {
    id: number;
  }[];
  const session = {
    token: headers.Authorization.replace(/^Bearer /, ''),
    id,
    username: 'bench',
    role: 'readonly',
  };
  const browser = await launchBrowser();
  const sizes: [string, number][] = [];
  /** The client list's first page: what it shows once its request is answered, and that request's time. */
  let clientList: { main: string; ready: Expected; apiMs: number } | undefined;
  try {
    for (const panelPage of PAGES) {
      const url = `${base}${panelPage.path}`;
      // Warm-up, cold: which API requests the page sends, which assets it needs, and what it must show.
      const first = await coldLoad(browser, session, url, panelPage.loaded);
      const main = first.api.find((path) => panelPage.main.test(path));
      if (!main)
        throw new Error(`${panelPage.name}: no request ${panelPage.main} among ${first.api.join(', ')}`);
      const ready = panelPage.ready(await get(main));
      const distinct = [...new Set(first.api)];

      const apiMs = await harness.timed(RUNS, () => get(main));
      if (panelPage.path === '/admin/users') clientList = { main, ready, apiMs };
      // As the page does, whatever each answers (a readonly admin may be refused the owner's alerts).
      const allApiMs = await harness.timed(RUNS, () =>
        Promise.all(distinct.map(async (path) => (await fetch(`${base}${path}`, { headers })).text())),
      );
      const shown = await coldLoad(browser, session, url, ready);
      if (panelPage.path === '/admin/')
        sizes.push(
          ['dashboard: until its figures show', gzippedTotal([...new Set(shown.assetsUntilShown)])],
          ['dashboard tab: all it fetched', gzippedTotal([...new Set(shown.assets)])],
        );
      const coldMs = await medianOf(async () => (await coldLoad(browser, session, url, ready)).ms);
      const warm = await sessionContext(browser, session);
      let warmMs: number;
      try {
        await load(warm, url, ready);
        warmMs = await medianOf(async () => (await load(warm, url, ready)).ms);
      } finally {
        await warm.close();
      }
      const rows: harness.ResultRow[] = [
        [`API: ${main}`, apiMs, 'the request behind it, from Node'],
        [`API: the page's ${distinct.length} requests at once`, allApiMs, distinct.join(' ')],
        [`${panelPage.name}, cold cache`, coldMs, 'navigation start → on screen'],
        [`${panelPage.name}, warm cache`, warmMs, 'navigation start → on screen'],
      ];
      harness.printTable(rows, apiMs, Math.max(...rows.map(([name]) => name.length)));
    }
    if (clientList) await measureNavigation(browser, session, base, clientList, get);
  } finally {
    await browser.close();
  }
  const firstScreen = gzippedTotal(firstScreenAssets());
  console.log('\nshipped size, gzipped JS + CSS (level 9):');
  for (const [name, bytes] of [
    ['first screen (login)', firstScreen],
    ...sizes,
    ['every chunk', gzippedTotal(allAssets())],
  ] as [string, number][])
    console.log(`  ${name.padEnd(36)} ${kb(bytes).padStart(10)}`);
}

harness.runBench(async () => {
  ensureAdminBuilt();
  console.log(
    `admin-panel bench: ${USERS} users, ${CODES} codes, median of ${RUNS} loads, database ${DATABASE.name}`,
  );
  await harness.benchWithApp(DATABASE, seed, measure);
});
