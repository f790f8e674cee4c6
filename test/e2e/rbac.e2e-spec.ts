import request from 'supertest';
import { loginAs } from '../support/auth';
import { registeredRoutes, Route } from '../support/routes';
import { createTestApp, TestApp } from '../support/test-app';

/** Routes about the caller's own session, which every role (readonly included) may POST. */
const SELF_SERVICE = ['POST /api/v1/auth/logout', 'POST /api/v1/auth/link-code'];

function call(t: TestApp, route: Route) {
  const agent = request(t.url);
  switch (route.method) {
    case 'GET':
      return agent.get(route.path);
    case 'POST':
      return agent.post(route.path).send({});
    case 'PUT':
      return agent.put(route.path).send({});
    case 'PATCH':
      return agent.patch(route.path).send({});
    case 'DELETE':
      return agent.delete(route.path);
    default:
      throw new Error(`No walker for ${route.method} ${route.path}`);
  }
}

describe('access control on every registered route', () => {
  let t: TestApp;
  let routes: Route[];
  beforeAll(async () => {
    t = await createTestApp();
    routes = registeredRoutes(t);
    console.log(
      `RBAC walk: ${routes.length} routes (${routes.filter((r) => r.access.kind === 'admin').length} admin)`,
    );
  });
  afterAll(() => t.close());

  it('finds the routes and every one declares its access', () => {
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes)
      expect({ route: route.name, access: route.access }).toEqual({
        route: route.name,
        access: expect.any(Object),
      });
  });

  it('answers 401 AUTH_REQUIRED without a token on every admin route', async () => {
    for (const route of routes.filter((r) => r.access.kind === 'admin')) {
      const response = await call(t, route);
      expect({
        route: `${route.method} ${route.path}`,
        status: response.status,
        code: response.body.error?.code,
      }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 401,
        code: 'AUTH_REQUIRED',
      });
    }
  });

  it('answers 403 FORBIDDEN_ROLE to a readonly admin on every non-GET admin route', async () => {
    const { auth } = await loginAs(t, 'readonly');
    const writes = routes.filter(
      (r) =>
        r.access.kind === 'admin' && r.method !== 'GET' && !SELF_SERVICE.includes(`${r.method} ${r.path}`),
    );
    expect(writes.length).toBeGreaterThan(3);
    for (const route of writes) {
      const response = await call(t, route).set(auth);
      expect({
        route: `${route.method} ${route.path}`,
        status: response.status,
        code: response.body.error?.code,
      }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 403,
        code: 'FORBIDDEN_ROLE',
      });
    }
  });

  it('answers 403 FORBIDDEN_ROLE to marketing on every owner-only route', async () => {
    const { auth } = await loginAs(t, 'marketing');
    const ownerOnly = routes.filter(
      (r) => r.access.kind === 'admin' && !r.access.roles.includes('marketing'),
    );
    expect(ownerOnly.length).toBeGreaterThan(3);
    for (const route of ownerOnly) {
      const response = await call(t, route).set(auth);
      expect({ route: `${route.method} ${route.path}`, code: response.body.error?.code }).toEqual({
        route: `${route.method} ${route.path}`,
        code: 'FORBIDDEN_ROLE',
      });
    }
  });

  it('lets readonly read: every GET route declared for readonly lets it through the guard', async () => {
    const { auth } = await loginAs(t, 'readonly');
    const reads = routes.filter(
      (r) => r.access.kind === 'admin' && r.method === 'GET' && r.access.roles.includes('readonly'),
    );
    expect(reads.length).toBeGreaterThan(0);
    for (const route of reads) {
      const response = await call(t, route).set(auth);
      expect({ route: route.path, code: response.body.error?.code }).not.toEqual({
        route: route.path,
        code: 'FORBIDDEN_ROLE',
      });
    }
  });

  it('accepts a configured POS key', async () => {
    const response = await request(t.url)
      .get('/internal/v1/ping')
      .set('X-API-Key', 'pos-second-key-0123456789');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: true, key: 2 });
  });

  it('refuses the POS routes without the API key and the webhooks without the secret', async () => {
    for (const route of routes.filter((r) => r.access.kind === 'pos')) {
      const response = await call(t, route).set('X-API-Key', 'pos-test-key-0123456789abcdeX');
      expect(response.body.error?.code).toBe('API_KEY_INVALID');
    }
    for (const route of routes.filter((r) => r.access.kind === 'telegram')) {
      const response = await call(t, route).set('X-Telegram-Bot-Api-Secret-Token', 'wrong-secret-0123456789');
      expect(response.status).toBe(403);
      expect(response.body.error?.code).toBe('WEBHOOK_SECRET_INVALID');
    }
  });
});
