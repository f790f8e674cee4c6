import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { anAdminWithPassword, loginAs, TEST_PASSWORD } from '../support/auth';
import { deleteKeys } from '../support/global-teardown';
import { createTestApp, TestApp } from '../support/test-app';

/** The findings 4, 6, 7 and 9 of the outage and security review (docs/RESILIENCE.md). */
describe('security findings', () => {
  let t: TestApp;
  const login = (username: string, password: string, forwardedFor?: string) => {
    const call = request(t.url).post('/api/v1/auth/login');
    if (forwardedFor) call.set('X-Forwarded-For', forwardedFor);
    return call.send({ username, password });
  };

  beforeAll(async () => {
    // No TRUST_PROXY: the default, as in production when the app is reached directly.
    t = await createTestApp({ env: { APP_ROLES: 'api' } });
  });
  afterAll(() => t.close());

  it('locks a username for every spelling the database would match: no fresh tries with víctim', async () => {
    await anAdminWithPassword(t, { username: 'victim' });
    for (let i = 0; i < 5; i++) await login('victim', 'wrong-password-123');

    const answers = await Promise.all(
      ['VICTIM', 'ｖｉｃｔｉｍ', ' victim '].map(
        async (typed) => (await login(typed, TEST_PASSWORD)).body.error.code,
      ),
    );
    expect(answers).toEqual(['AUTH_LOCKED', 'AUTH_LOCKED', 'AUTH_LOCKED']);
    // An accented spelling is no admin's name: the right password does not log in through it.
    const accented = await login('víctim', TEST_PASSWORD);
    expect(accented.status).toBe(401);
    expect(accented.body.error.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('refuses a correctly signed token whose sub is not an admin id: 401 AUTH_TOKEN_INVALID, not 500', async () => {
    const jwt = t.get(JwtService);
    const now = Math.floor(Date.now() / 1000);
    for (const sub of ['abc', '1 OR 1=1', '-1', '1e3', '']) {
      const token = jwt.sign({ sub, role: 'owner', jti: randomUUID(), iat: now, exp: now + 60 });
      const answer = await request(t.url).get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);
      expect({ sub, status: answer.status, code: answer.body.error?.code }).toEqual({
        sub,
        status: 401,
        code: 'AUTH_TOKEN_INVALID',
      });
    }
  });

  it('keeps a logged-out token refused after Redis lost all its data', async () => {
    const { auth } = await loginAs(t, 'owner');
    expect((await request(t.url).post('/api/v1/auth/logout').set(auth)).status).toBe(204);

    await deleteKeys(t.redis, `${t.config.redisPrefix}:*`);

    const after = await request(t.url).get('/api/v1/auth/me').set(auth);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('AUTH_TOKEN_INVALID');
  });

  // Last: it spends this address's login allowance.
  it('does not let a client pick its address with X-Forwarded-For unless TRUST_PROXY names the proxy', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await login(`nobody${i}`, 'wrong', `10.9.0.${i}`)).status);
    expect(statuses).toContain(429);
  });
});
