import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createTestApp, TestApp } from '../support/test-app';

/** Built bundles in a folder of their own: the serving is tested on tiny builds, not the real ones. */
function fakeBuild(): string {
  const root = mkdtempSync(join(tmpdir(), 'dvorik-web-'));
  const dist = join(root, 'admin', 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><html><head><meta name="csp-nonce" content="__CSP_NONCE__" />' +
      '<script type="module" src="/admin/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>',
  );
  writeFileSync(join(dist, 'assets', 'index-Ab12Cd34.js'), 'console.log("panel")');
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(root, 'secret.txt'), 'not to be served');
  const miniApps = join(root, 'miniapp', 'dist');
  mkdirSync(join(miniApps, 'assets'), { recursive: true });
  for (const page of ['card', 'scanner']) {
    writeFileSync(
      join(miniApps, `${page}.html`),
      `<!doctype html><html><head><script type="module" src="/webapp/assets/${page}-Zz98Yy76.js"></script></head>` +
        `<body><main id="${page}"></main></body></html>`,
    );
    writeFileSync(join(miniApps, 'assets', `${page}-Zz98Yy76.js`), `console.log("${page}")`);
  }
  return root;
}

describe('The admin panel served by the api role at /admin', () => {
  let t: TestApp;
  let webRoot: string;
  beforeAll(async () => {
    webRoot = fakeBuild();
    t = await createTestApp({ env: { WEB_ROOT: webRoot } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('serves index.html, never cached, with a strict CSP carrying a fresh nonce and the security headers', async () => {
    const first = await request(t.url).get('/admin/').expect(200);
    expect(first.headers['content-type']).toMatch(/text\/html/);
    expect(first.headers['cache-control']).toBe('no-store');
    const csp = first.headers['content-security-policy'] as string;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(first.text).toContain(`<meta name="csp-nonce" content="${nonce}"`);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain(`style-src 'self' 'nonce-${nonce}'`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(first.headers['x-content-type-options']).toBe('nosniff');
    expect(first.headers['referrer-policy']).toBe('no-referrer');
    expect(first.headers['x-frame-options']).toBe('DENY');
    const second = await request(t.url).get('/admin').expect(200);
    expect(second.headers['content-security-policy']).not.toBe(csp);
  });

  it('answers a deep link (a reload on a page of the panel) with index.html', async () => {
    for (const path of ['/admin/users', '/admin/users/12/show', '/admin/discounts/K7M2QX9A/show?x=1']) {
      const response = await request(t.url).get(path).expect(200);
      expect(response.text).toContain('<div id="root">');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['content-security-policy']).toBeDefined();
    }
  });

  it('caches hashed assets for a year and refuses a missing asset with 404, not index.html', async () => {
    const asset = await request(t.url).get('/admin/assets/index-Ab12Cd34.js').expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['x-content-type-options']).toBe('nosniff');
    const missing = await request(t.url).get('/admin/assets/index-OLD00000.js').expect(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    const icon = await request(t.url).get('/admin/favicon.svg').expect(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('never serves a file outside the build', async () => {
    for (const path of [
      '/admin/../secret.txt',
      '/admin/%2e%2e/secret.txt',
      '/admin/assets/%2e%2e/%2e%2e/secret.txt',
    ]) {
      const response = await request(t.url).get(path);
      expect(response.text).not.toContain('not to be served');
    }
  });

  it('leaves the API and other methods alone', async () => {
    await request(t.url).post('/admin/users').expect(404);
    const api = await request(t.url).get('/api/v1/users').expect(401);
    expect(api.body.error.code).toBe('AUTH_REQUIRED');
  });
});

/** The Mini Apps are one more entry of WEB_BUNDLES, served by the same code with their own rules. */
describe('The Mini Apps served by the api role at /webapp, next to their API at /webapp/v1', () => {
  const MINI_APP_CSP =
    "default-src 'none'; script-src 'self' https://telegram.org; style-src 'self'; img-src 'self' data:; " +
    "connect-src 'self'; base-uri 'none'; form-action 'none'; " +
    "frame-ancestors 'self' https://web.telegram.org https://*.telegram.org";
  let t: TestApp;
  let webRoot: string;
  beforeAll(async () => {
    webRoot = fakeBuild();
    t = await createTestApp({ env: { WEB_ROOT: webRoot } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('serves both pages, never cached, with the strict Mini App CSP and framing by Telegram only', async () => {
    for (const [path, id] of [
      ['/webapp', 'card'],
      ['/webapp/', 'card'],
      ['/webapp/card.html', 'card'],
      ['/webapp/scanner.html', 'scanner'],
    ]) {
      const page = await request(t.url).get(path).expect(200);
      expect(page.text).toContain(`<main id="${id}">`);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.headers['content-security-policy']).toBe(MINI_APP_CSP);
      expect(page.headers['x-content-type-options']).toBe('nosniff');
      expect(page.headers['x-frame-options']).toBeUndefined();
    }
  });

  it('caches hashed assets for a year; an unknown page is a 404, not a page', async () => {
    const asset = await request(t.url).get('/webapp/assets/card-Zz98Yy76.js').expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const path of ['/webapp/assets/card-OLD00000.js', '/webapp/users/12', '/webapp/../secret.txt']) {
      const response = await request(t.url).get(path).expect(404);
      expect(response.text).not.toContain('not to be served');
    }
  });

  it('leaves /webapp/v1 to the Mini Apps’ API', async () => {
    const api = await request(t.url).get('/webapp/v1/card').expect(401);
    expect(api.body.error.code).not.toBe('NOT_FOUND');
    await request(t.url).post('/webapp/v1/scanner/check').send({ code: 'K7M2QX9A' }).expect(401);
    await request(t.url).get('/webapp/v1/no-such-route').expect(404);
  });
});

describe('An app whose panel is not built', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { WEB_ROOT: join(tmpdir(), 'dvorik-no-such-web-root') } });
  });
  afterAll(() => t.close());

  it('still starts, serves its API, and answers /admin with a 404 saying so', async () => {
    await request(t.url).get('/health').expect(200);
    const response = await request(t.url).get('/admin/').expect(404);
    expect(response.body.error.message).toMatch(/not built/);
  });

  it('answers the Mini App pages with a 404 saying so, and still serves their API', async () => {
    const page = await request(t.url).get('/webapp/card.html').expect(404);
    expect(page.body.error.message).toMatch(/Mini Apps bundle is not built/);
    const api = await request(t.url).get('/webapp/v1/card').expect(401);
    expect(api.body.error.code).not.toBe('NOT_FOUND');
  });
});
