import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { User } from '../../src/modules/users/persistence/user.entity';
import { loginAs } from '../support/auth';
import { createBroadcast } from '../support/broadcasts';
import { aCashier, aUser } from '../support/factories';
import { TelegramEmulator } from '../support/telegram-emulator/telegram-emulator';
import { createTestApp, eventually, TestApp } from '../support/test-app';

/**
 * The critical audited actions, each driven once through its real entry point (admin API, POS API, client bot
 * webhook), then read back through `GET /api/v1/audit-logs?action=…` with its actor and entity. A name with a
 * case in parentheses is one action reached by two entry points. Then: no secret that went through those
 * entry points is in `audit_logs.changes` or in the audit API's answer.
 */
const WALK: Array<[name: string, trigger: string]> = [
  // security
  ['admin.created', 'POST /api/v1/admins (owner)'],
  ['admin.login', 'POST /api/v1/auth/login with the right password'],
  ['admin.logout', 'POST /api/v1/auth/logout with the token of that login'],
  ['admin.updated', 'PATCH /api/v1/admins/:id {role}'],
  ['admin.password_reset', 'POST /api/v1/admins/:id/password'],
  ['admin.login_failed', 'POST /api/v1/auth/login with a wrong password (failures 1 to 4)'],
  ['admin.locked', 'POST /api/v1/auth/login with a wrong password (5th failure in 15 minutes)'],
  ['admin.deleted', 'DELETE /api/v1/admins/:id'],
  // money
  ['discount_template.created', 'POST /api/v1/discount-templates'],
  ['discount_template.updated', 'PATCH /api/v1/discount-templates/:id'],
  ['discount_template.deleted', 'DELETE /api/v1/discount-templates/:id (an unused template)'],
  ['discount.issued', 'POST /api/v1/discounts (manual issue)'],
  ['discount.redeemed (admin)', 'POST /api/v1/discounts/:code/redeem'],
  ['discount.redeemed (pos)', 'POST /internal/v1/discounts/redeem with X-API-Key'],
  ['discount.revoked', 'POST /api/v1/discounts/:code/revoke'],
  ['discount.bulk_issue_started', 'POST /api/v1/users/bulk/discounts'],
  // settings and content
  ['setting.changed', 'PUT /api/v1/settings/test_mode.secret (a secret setting)'],
  ['message_template.changed', 'PUT /api/v1/message-templates/welcome'],
  // segments and broadcasts
  ['segment.created', 'POST /api/v1/segments'],
  ['segment.updated', 'PATCH /api/v1/segments/:id'],
  ['segment.deleted', 'DELETE /api/v1/segments/:id'],
  ['broadcast.created', 'POST /api/v1/broadcasts'],
  ['broadcast.updated', 'PATCH /api/v1/broadcasts/:id'],
  ['broadcast.scheduled', 'POST /api/v1/broadcasts/:id/schedule'],
  ['broadcast.cancelled', 'POST /api/v1/broadcasts/:id/cancel'],
  // clients and cashiers
  ['user.registered (test link)', 'client bot webhook: /start test_<test_mode.secret>'],
  ['user.updated', 'PATCH /api/v1/users/:id'],
  ['user.deleted', 'DELETE /api/v1/users/:id (owner)'],
  ['users.bulk_tags', 'POST /api/v1/users/bulk/tags'],
  ['users.exported', 'GET /api/v1/users/export.csv (readonly)'],
  ['cashier.approved', 'POST /api/v1/cashiers/:id/approve (a pending factory cashier)'],
  ['cashier.rejected', 'POST /api/v1/cashiers/:id/reject (a pending factory cashier)'],
  ['cashier.revoked', 'POST /api/v1/cashiers/:id/revoke (the approved one)'],
];

/** The secrets typed into the entry points (ASCII, so no JSON escaping can hide one). */
const CREATE_PASSWORD = 'Create-Pass-4f9c1a77';
const RESET_PASSWORD = 'Reset-Pass-8b2e7d19';
const WRONG_PASSWORDS = [1, 2, 3, 4, 5].map((n) => `Wrong-Pass-${n}-c3d9e0`);
const TEST_SECRET = 'qa-audit-secret-5e21b8';
const ADMIN_NAME = 'audit-kassa';

type Auth = Record<string, string>;
type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
interface AuditRow {
  action: string;
  actorType: string;
  actorId: string | null;
  entityType: string | null;
  entityId: string | null;
  changes: Record<string, unknown> | null;
}
type Expected = Omit<AuditRow, 'action' | 'changes'> & { changes?: Record<string, unknown> };
type Ref = [type: string, id: string | number | null];

describe('audit coverage: every critical action reaches the audit log, no secret does', () => {
  let emulator: TelegramEmulator;
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof loginAs>>;
  let marketing: Awaited<ReturnType<typeof loginAs>>;
  let readonly: Awaited<ReturnType<typeof loginAs>>;
  const expected = new Map<string, Expected>();
  const tokens: string[] = [];

  /** Records what the audit row of `name` must say (ids as the API spells them: strings). */
  const shouldAudit = (
    name: string,
    [actorType, actorId]: Ref,
    [entityType, entityId]: Ref,
    changes?: object,
  ) =>
    expected.set(name, {
      actorType,
      actorId: actorId === null ? null : String(actorId),
      entityType,
      entityId: entityId === null ? null : String(entityId),
      ...(changes ? { changes: changes as Record<string, unknown> } : {}),
    });
  const admin = (who: { admin: { id: number } }): Ref => ['admin', who.admin.id];

  /** One call; fails the set-up, naming the call, unless it answers `status`. */
  async function call(auth: Auth, method: Method, path: string, status: number, body?: object) {
    const pending = request(t.url)[method](path).set(auth);
    const response = body ? await pending.send(body) : await pending;
    if (response.status !== status) {
      throw new Error(`${method.toUpperCase()} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    return response.body;
  }
  /** Waits until no audit row has landed for 300 ms (the recorder writes after the answers). */
  async function settled(): Promise<void> {
    const count = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM audit_logs'))[0].n);
    for (let last = await count(), quiet = 0; quiet < 3;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const now = await count();
      quiet = now === last ? quiet + 1 : 0;
      last = now;
    }
  }
  /** A page of the audit API, read by a readonly admin (any admin may). */
  const auditPage = async (query: Record<string, string>) =>
    (await call(readonly.auth, 'get', `/api/v1/audit-logs?${new URLSearchParams(query)}`, 200)) as {
      items: AuditRow[];
      total: number;
    };

  beforeAll(async () => {
    emulator = await TelegramEmulator.start();
    t = await createTestApp({
      webhooks: true,
      env: { TELEGRAM_API_ROOT: emulator.apiRoot, APP_ROLES: 'api,bots', TRUST_PROXY: 'loopback' },
    });
    owner = await loginAs(t, 'owner');
    marketing = await loginAs(t, 'marketing');
    readonly = await loginAs(t, 'readonly');
    tokens.push(owner.token, marketing.token, readonly.token);

    // Security: an admin's whole life, from creation to deletion.
    const created = await call(owner.auth, 'post', '/api/v1/admins', 201, {
      username: ADMIN_NAME,
      password: CREATE_PASSWORD,
      role: 'readonly',
    });
    shouldAudit('admin.created', admin(owner), ['admin', created.id]);
    const login = (password: string, n: number) =>
      request(t.url)
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', `10.77.0.${n}`)
        .send({ username: ADMIN_NAME, password });
    const session = await login(CREATE_PASSWORD, 99);
    if (session.status !== 200) throw new Error(`login: ${session.status} ${JSON.stringify(session.body)}`);
    tokens.push(session.body.accessToken);
    shouldAudit('admin.login', ['admin', created.id], ['admin', created.id], { method: 'password' });
    await call({ Authorization: `Bearer ${session.body.accessToken}` }, 'post', '/api/v1/auth/logout', 204);
    shouldAudit('admin.logout', ['admin', created.id], ['admin', created.id]);
    await call(owner.auth, 'patch', `/api/v1/admins/${created.id}`, 200, { role: 'marketing' });
    shouldAudit('admin.updated', admin(owner), ['admin', created.id]);
    await call(owner.auth, 'post', `/api/v1/admins/${created.id}/password`, 204, {
      password: RESET_PASSWORD,
    });
    shouldAudit('admin.password_reset', admin(owner), ['admin', created.id]);
    for (const [n, password] of WRONG_PASSWORDS.entries()) {
      const failed = await login(password, n);
      if (failed.status !== 401) throw new Error(`failed login ${n}: ${failed.status}`);
    }
    shouldAudit('admin.login_failed', ['admin', null], ['admin', null], { username: ADMIN_NAME });
    shouldAudit('admin.locked', ['admin', null], ['admin', null], { username: ADMIN_NAME });
    await call(owner.auth, 'delete', `/api/v1/admins/${created.id}`, 204);
    shouldAudit('admin.deleted', admin(owner), ['admin', created.id]);

    // Money: templates, codes issued, redeemed at the desk and at the till, revoked, issued in bulk.
    const template = await call(marketing.auth, 'post', '/api/v1/discount-templates', 201, {
      name: 'Аудит 12 %',
      kind: 'percent',
      value: 12,
      validDays: 30,
      description: 'Скидка для проверки аудита',
    });
    shouldAudit('discount_template.created', admin(marketing), ['discount_template', template.id]);
    await call(marketing.auth, 'patch', `/api/v1/discount-templates/${template.id}`, 200, { value: 15 });
    shouldAudit('discount_template.updated', admin(marketing), ['discount_template', template.id]);
    const unused = await call(marketing.auth, 'post', '/api/v1/discount-templates', 201, {
      name: 'Аудит: на удаление',
      kind: 'fixed',
      value: 10_000,
    });
    await call(marketing.auth, 'delete', `/api/v1/discount-templates/${unused.id}`, 204);
    shouldAudit('discount_template.deleted', admin(marketing), ['discount_template', unused.id]);

    const client = await aUser(t.dataSource, { firstName: 'Аудит' });
    const issue = () =>
      call(marketing.auth, 'post', '/api/v1/discounts', 201, { userId: client.id, templateId: template.id });
    const [atDesk, atTill, revoked] = [await issue(), await issue(), await issue()];
    shouldAudit('discount.issued', admin(marketing), ['discount', atDesk.id]);
    await call(marketing.auth, 'post', `/api/v1/discounts/${atDesk.code}/redeem`, 200, {
      purchaseAmount: 100_000,
    });
    shouldAudit('discount.redeemed (admin)', admin(marketing), ['discount', atDesk.id]);
    const posKey = t.config.internalApiKeys[0];
    await call({ 'X-API-Key': posKey }, 'post', '/internal/v1/discounts/redeem', 200, {
      code: atTill.code,
      purchaseAmount: 250_000,
      terminalId: 'till-audit-1',
      idempotencyKey: randomUUID(),
    });
    shouldAudit('discount.redeemed (pos)', ['pos', 'till-audit-1'], ['discount', atTill.id]);
    await call(marketing.auth, 'post', `/api/v1/discounts/${revoked.code}/revoke`, 200, { note: 'аудит' });
    shouldAudit('discount.revoked', admin(marketing), ['discount', revoked.id]);
    await call(marketing.auth, 'post', '/api/v1/users/bulk/discounts', 202, {
      templateId: template.id,
      userIds: [client.id],
    });
    shouldAudit('discount.bulk_issue_started', admin(marketing), ['discount_template', template.id]);

    // Settings and content.
    await call(owner.auth, 'put', '/api/v1/settings/test_mode.secret', 200, { value: TEST_SECRET });
    shouldAudit('setting.changed', admin(owner), ['setting', 'test_mode.secret'], { after: '********' });
    await call(marketing.auth, 'put', '/api/v1/message-templates/welcome', 200, {
      text: 'Здравствуйте, <b>{first_name}</b>!',
    });
    shouldAudit('message_template.changed', admin(marketing), ['message_template', 'welcome']);

    // Segments and broadcasts.
    const segment = await call(marketing.auth, 'post', '/api/v1/segments', 201, {
      name: 'Аудит: VIP',
      filter: { all: [{ field: 'tags', op: 'any', value: ['vip'] }] },
    });
    shouldAudit('segment.created', admin(marketing), ['segment', segment.id]);
    await call(marketing.auth, 'patch', `/api/v1/segments/${segment.id}`, 200, { name: 'Аудит: VIP+' });
    shouldAudit('segment.updated', admin(marketing), ['segment', segment.id]);
    await call(marketing.auth, 'delete', `/api/v1/segments/${segment.id}`, 204);
    shouldAudit('segment.deleted', admin(marketing), ['segment', segment.id]);
    const broadcast = await createBroadcast(t, marketing.auth, { title: 'Аудит', text: 'Первый текст' });
    shouldAudit('broadcast.created', admin(marketing), ['broadcast', broadcast.id]);
    await call(marketing.auth, 'patch', `/api/v1/broadcasts/${broadcast.id}`, 200, { text: 'Второй текст' });
    shouldAudit('broadcast.updated', admin(marketing), ['broadcast', broadcast.id]);
    await call(marketing.auth, 'post', `/api/v1/broadcasts/${broadcast.id}/schedule`, 200, {
      scheduledAt: '2099-01-01T10:00',
    });
    shouldAudit('broadcast.scheduled', admin(marketing), ['broadcast', broadcast.id]);
    await call(marketing.auth, 'post', `/api/v1/broadcasts/${broadcast.id}/cancel`, 200);
    shouldAudit('broadcast.cancelled', admin(marketing), ['broadcast', broadcast.id]);

    // Clients: a tester by the secret link (the bot answers after handling), edits, bulk tags, export, delete.
    const tester = { id: 7_990_001, first_name: 'Тестер', username: 'audit_tester' };
    await emulator.sendText(t.config.clientBotToken, tester, `/start test_${TEST_SECRET}`);
    const testerRow = await t.dataSource.getRepository(User).findOneByOrFail({ telegramId: tester.id });
    if (!testerRow.isTest) throw new Error('the test link did not mark the client as a tester');
    shouldAudit('user.registered (test link)', ['client', testerRow.id], ['user', testerRow.id]);
    await call(marketing.auth, 'patch', `/api/v1/users/${client.id}`, 200, { tags: ['vip'] });
    shouldAudit('user.updated', admin(marketing), ['user', client.id]);
    await call(marketing.auth, 'post', '/api/v1/users/bulk/tags', 200, {
      add: ['audit'],
      userIds: [client.id],
    });
    shouldAudit('users.bulk_tags', admin(marketing), ['user', null]);
    await call(readonly.auth, 'get', '/api/v1/users/export.csv', 200);
    shouldAudit('users.exported', admin(readonly), ['user', null]);
    const leaving = await aUser(t.dataSource);
    await call(owner.auth, 'delete', `/api/v1/users/${leaving.id}`, 204);
    shouldAudit('user.deleted', admin(owner), ['user', leaving.id]);

    // Cashiers (applications made by factory: the staff bot's own flow has its own file).
    const [approved, rejected] = [await aCashier(t.dataSource), await aCashier(t.dataSource)];
    await call(owner.auth, 'post', `/api/v1/cashiers/${approved.id}/approve`, 200);
    shouldAudit('cashier.approved', admin(owner), ['cashier', approved.id]);
    await call(owner.auth, 'post', `/api/v1/cashiers/${rejected.id}/reject`, 200);
    shouldAudit('cashier.rejected', admin(owner), ['cashier', rejected.id]);
    await call(owner.auth, 'post', `/api/v1/cashiers/${approved.id}/revoke`, 200);
    shouldAudit('cashier.revoked', admin(owner), ['cashier', approved.id]);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await emulator?.stop();
  });

  it('walked every action in the list, and only those', () => {
    expect([...expected.keys()].sort()).toEqual(WALK.map(([name]) => name).sort());
  });

  it.each(WALK)('%s is in GET /audit-logs?action=… (triggered by %s)', async (name) => {
    const action = name.split(' ')[0];
    const want = expected.get(name);
    if (!want) throw new Error(`${name} was not driven`);
    const { changes, ...row } = want;
    const matcher = expect.objectContaining({
      action,
      ...row,
      ...(changes ? { changes: expect.objectContaining(changes) } : {}),
    });
    // The recorder writes after the answer: poll gently (the admin API allows 300 requests a minute).
    let items: AuditRow[] = [];
    await eventually(
      async () => {
        items = (await auditPage({ action, limit: '100' })).items;
        return items.some((item) => matcher.asymmetricMatch(item));
      },
      5000,
      200,
    ).catch(() => undefined);
    expect(items).toContainEqual(matcher);
    expect(items.filter((item) => item.action !== action)).toEqual([]); // the filter is exact
  });

  it('keeps every secret out of audit_logs.changes and out of the audit API', async () => {
    const secrets: Record<string, string> = {
      'password at create': CREATE_PASSWORD,
      'password at reset': RESET_PASSWORD,
      ...Object.fromEntries(WRONG_PASSWORDS.map((p, n) => [`failed login password ${n + 1}`, p])),
      ...Object.fromEntries(tokens.map((token, n) => [`JWT ${n + 1}`, token])),
      ...Object.fromEntries(t.config.internalApiKeys.map((key, n) => [`POS API key ${n + 1}`, key])),
      'test_mode.secret': TEST_SECRET,
      'JWT signing secret': t.config.jwtSecret,
      'webhook secret': t.config.telegramWebhookSecret,
      'client bot token': t.config.clientBotToken,
      'staff bot token': t.config.staffBotToken,
    };
    await settled();
    const rows: Array<{ changes: string | null }> = await t.dataSource.query(
      'SELECT CAST(changes AS CHAR) AS changes FROM audit_logs',
    );
    const stored = rows.map((r) => r.changes ?? '').join('\n');
    const answered: AuditRow[] = [];
    for (let page = 1; ; page++) {
      const { items, total } = await auditPage({ page: String(page), limit: '100' });
      answered.push(...items);
      if (answered.length >= total || items.length === 0) break;
    }
    const api = JSON.stringify(answered);
    expect(answered).toHaveLength(rows.length);
    expect(rows.length).toBeGreaterThanOrEqual(WALK.length);
    // The search does find what is there: the failed logins keep the username they tried.
    expect(stored).toContain(ADMIN_NAME);
    expect(api).toContain(ADMIN_NAME);
    for (const [what, secret] of Object.entries(secrets)) {
      expect({ what, inTable: stored.includes(secret), inApi: api.includes(secret) }).toEqual({
        what,
        inTable: false,
        inApi: false,
      });
    }
  });
});
