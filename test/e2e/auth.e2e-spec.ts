import request from 'supertest';
import { AuditLog } from '../../src/modules/audit/persistence/audit-log.entity';
import { IssueTelegramLoginTokenCommand } from '../../src/modules/auth/commands/issue-telegram-login-token.command';
import { Admin } from '../../src/modules/staff/persistence/admin.entity';
import { anAdminWithPassword, loginAs, TEST_PASSWORD } from '../support/auth';
import { createTestApp, eventually, TestApp } from '../support/test-app';
import { ADMIN_REQUESTS_PER_MINUTE } from '../../src/modules/auth/guards/rate-limit.guard';

describe('admin authentication', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The tests stand behind a local proxy: each names its client address in X-Forwarded-For.
    t = await createTestApp({ env: { APP_ROLES: 'api', TRUST_PROXY: 'loopback' } });
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.reset());

  const login = (username: string, password: string, ip = '10.0.0.1') =>
    request(t.url).post('/api/v1/auth/login').set('X-Forwarded-For', ip).send({ username, password });

  it('logs in with the right password and answers /auth/me', async () => {
    const admin = await anAdminWithPassword(t, { username: 'anna', role: 'marketing' });
    const response = await login('anna', TEST_PASSWORD);
    expect(response.status).toBe(200);
    expect(response.body.expiresIn).toBe(86400);
    const [, payload] = response.body.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    expect(claims).toMatchObject({ sub: String(admin.id), role: 'marketing' });
    expect(claims.exp - claims.iat).toBe(86400);
    expect(claims.jti).toEqual(expect.any(String));
    const header = JSON.parse(Buffer.from(response.body.accessToken.split('.')[0], 'base64url').toString());
    expect(header.alg).toBe('HS256');
    const me = await request(t.url)
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${response.body.accessToken}`);
    expect(me.body).toEqual({ id: admin.id, username: 'anna', role: 'marketing', telegramId: null });
    expect(
      (await t.dataSource.getRepository(Admin).findOneByOrFail({ id: admin.id })).lastLoginAt,
    ).not.toBeNull();
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    await anAdminWithPassword(t, { username: 'boris' });
    for (const [username, password] of [
      ['boris', 'wrong-password'],
      ['nobody', TEST_PASSWORD],
    ]) {
      const response = await login(username, password, '10.0.0.2');
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('AUTH_INVALID_CREDENTIALS');
    }
  });

  it('locks a username for 15 minutes after five failures, audited, even for the right password', async () => {
    await anAdminWithPassword(t, { username: 'vera' });
    for (let i = 0; i < 5; i++) expect((await login('vera', `wrong-${i}`, `10.1.0.${i}`)).status).toBe(401);
    const locked = await login('vera', TEST_PASSWORD, '10.1.1.1');
    expect(locked.status).toBe(423);
    expect(locked.body.error.code).toBe('AUTH_LOCKED');
    expect(locked.body.error.details.retryAfterSeconds).toBeGreaterThan(800);
    const rows = await eventually(async () => {
      const found = await t.dataSource.getRepository(AuditLog).findBy({ action: 'admin.locked' });
      return found.length > 0 ? found : null;
    });
    expect(rows?.[0].changes).toEqual({ username: 'vera' });
    expect(JSON.stringify(await t.dataSource.getRepository(AuditLog).find())).not.toContain('wrong-');
  });

  it('expires a token after 24 hours of the clock', async () => {
    const { auth } = await loginAs(t, 'readonly');
    expect((await request(t.url).get('/api/v1/auth/me').set(auth)).status).toBe(200);
    t.clock.set(new Date(Date.now() + 24 * 3600 * 1000 + 1000));
    const expired = await request(t.url).get('/api/v1/auth/me').set(auth);
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('AUTH_TOKEN_EXPIRED');
  });

  it('refuses a forged, tampered or alg=none token', async () => {
    const { token } = await loginAs(t, 'owner');
    const [header, payload] = token.split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    const tampered = `${header}.${Buffer.from(JSON.stringify({ sub: '1', role: 'owner', exp: 9999999999 })).toString('base64url')}.${token.split('.')[2]}`;
    for (const bad of [none, tampered, 'garbage']) {
      const response = await request(t.url).get('/api/v1/auth/me').set('Authorization', `Bearer ${bad}`);
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('AUTH_TOKEN_INVALID');
    }
    expect((await request(t.url).get('/api/v1/auth/me')).body.error.code).toBe('AUTH_REQUIRED');
  });

  it('logs out: the same token stops working', async () => {
    const { auth } = await loginAs(t, 'marketing');
    expect((await request(t.url).post('/api/v1/auth/logout').set(auth)).status).toBe(204);
    const after = await request(t.url).get('/api/v1/auth/me').set(auth);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('AUTH_TOKEN_INVALID');
  });

  it("stops a deactivated admin's live tokens at once", async () => {
    const { auth, admin } = await loginAs(t, 'marketing');
    await t.dataSource.getRepository(Admin).update(admin.id, { isActive: false });
    expect((await request(t.url).get('/api/v1/auth/me').set(auth)).body.error.code).toBe(
      'AUTH_TOKEN_INVALID',
    );
  });

  it('exchanges a Telegram one-time token once, and not after 10 minutes', async () => {
    const admin = await anAdminWithPassword(t, { telegramId: 5551001 });
    const { token } = await t.commands.execute(new IssueTelegramLoginTokenCommand(5551001));
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(32);
    const first = await request(t.url).post('/api/v1/auth/telegram').send({ token });
    expect(first.status).toBe(200);
    const me = await request(t.url)
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${first.body.accessToken}`);
    expect(me.body.id).toBe(admin.id);
    const second = await request(t.url).post('/api/v1/auth/telegram').send({ token });
    expect(second.status).toBe(401);
    expect(second.body.error.code).toBe('AUTH_TOKEN_INVALID');

    const late = await t.commands.execute(new IssueTelegramLoginTokenCommand(5551001));
    const key = (await t.redis.keys(`${t.config.redisPrefix}:auth:telegram-login:*`))[0];
    await t.redis.pexpire(key, 1); // what ten minutes do
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(
      (await request(t.url).post('/api/v1/auth/telegram').send({ token: late.token })).body.error.code,
    ).toBe('AUTH_TOKEN_INVALID');
    expect(await t.redis.ttl(key)).toBeLessThanOrEqual(600);
  });

  it('rate-limits the auth routes per client with RATE_LIMITED and Retry-After', async () => {
    let limited: request.Response | undefined;
    for (let i = 0; i < 15 && !limited; i++) {
      const response = await login('someone', 'whatever', '10.9.9.9');
      if (response.status === 429) limited = response;
    }
    expect(limited?.body.error.code).toBe('RATE_LIMITED');
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('rate-limits each admin on the admin API, without slowing the others', async () => {
    const busy = await loginAs(t, 'marketing');
    const calm = await loginAs(t, 'marketing');
    const statuses: number[] = [];
    for (let batch = 0; batch < 16; batch++) {
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => request(t.url).get('/api/v1/auth/me').set(busy.auth)),
      );
      statuses.push(...responses.map((r) => r.status));
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(ADMIN_REQUESTS_PER_MINUTE);
    const limited = await request(t.url).get('/api/v1/auth/me').set(busy.auth);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await request(t.url).get('/api/v1/auth/me').set(calm.auth)).status).toBe(200);
  });
});
