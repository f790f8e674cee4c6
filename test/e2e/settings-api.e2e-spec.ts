import request from 'supertest';
import { loginAs } from '../support/auth';
import { createTestApp, eventually, TestApp } from '../support/test-app';

describe('settings and audit-log API', () => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof loginAs>>;
  let marketing: Awaited<ReturnType<typeof loginAs>>;
  beforeAll(async () => {
    t = await createTestApp({ env: { APP_ROLES: 'api' } });
    owner = await loginAs(t, 'owner');
    marketing = await loginAs(t, 'marketing');
  });
  afterAll(() => t.close());

  it('lists every setting with its expected shape, secrets masked', async () => {
    await request(t.url)
      .put('/api/v1/settings/test_mode.secret')
      .set(owner.auth)
      .send({ value: 'tester_12345' });
    const response = await request(t.url).get('/api/v1/settings').set(marketing.auth);
    expect(response.status).toBe(200);
    expect(response.body).toHaveLength(15);
    expect(response.body.find((s: { key: string }) => s.key === 'shop.timezone')).toMatchObject({
      value: 'Asia/Vladivostok',
      expected: expect.stringContaining('IANA'),
    });
    expect(response.body.find((s: { key: string }) => s.key === 'test_mode.secret').value).toBe('********');
    expect(JSON.stringify(response.body)).not.toContain('tester_12345');
  });

  it('changes a setting (owner), null included, and refuses bad values and keys', async () => {
    const ok = await request(t.url)
      .put('/api/v1/settings/birthday.send_at')
      .set(owner.auth)
      .send({ value: '10:30' });
    expect(ok.body).toEqual({ key: 'birthday.send_at', value: '10:30' });
    const off = await request(t.url)
      .put('/api/v1/settings/referral.template_id')
      .set(owner.auth)
      .send({ value: null });
    expect(off.status).toBe(200);
    const bad = await request(t.url)
      .put('/api/v1/settings/birthday.send_at')
      .set(owner.auth)
      .send({ value: '25:99' });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: 'SETTING_INVALID', details: { key: 'birthday.send_at' } });
    const missing = await request(t.url).put('/api/v1/settings/birthday.send_at').set(owner.auth).send({});
    expect(missing.body.error.code).toBe('SETTING_INVALID');
    const unknown = await request(t.url)
      .put('/api/v1/settings/shop.owner')
      .set(owner.auth)
      .send({ value: 1 });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('SETTING_NOT_FOUND');
    const denied = await request(t.url)
      .put('/api/v1/settings/birthday.send_at')
      .set(marketing.auth)
      .send({ value: '11:00' });
    expect(denied.body.error.code).toBe('FORBIDDEN_ROLE');
  });

  it('lists the audit log with filters: actor, action (exact and family), entity, period', async () => {
    await eventually(async () => {
      const all = await request(t.url).get('/api/v1/audit-logs').set(marketing.auth);
      return all.body.total >= 3;
    });
    const byActor = await request(t.url)
      .get(`/api/v1/audit-logs?actorType=admin&actorId=${owner.admin.id}&action=setting.changed`)
      .set(marketing.auth);
    expect(byActor.body.items.map((l: { entityId: string }) => l.entityId)).toEqual([
      'referral.template_id',
      'birthday.send_at',
      'test_mode.secret',
    ]);
    expect(byActor.body.items[2].changes).toEqual({ before: null, after: '********' });
    const family = await request(t.url)
      .get('/api/v1/audit-logs?action=setting.&sort=createdAt&limit=1')
      .set(marketing.auth);
    expect(family.body).toMatchObject({ total: 3, limit: 1, items: [{ entityId: 'test_mode.secret' }] });
    const entity = await request(t.url)
      .get('/api/v1/audit-logs?entityType=setting&entityId=birthday.send_at')
      .set(marketing.auth);
    expect(entity.body.total).toBe(1);
    const future = await request(t.url)
      .get('/api/v1/audit-logs?from=2099-01-01T00:00:00%2B10:00')
      .set(marketing.auth);
    expect(future.body.total).toBe(0);
    const past = await request(t.url).get('/api/v1/audit-logs?to=2000-01-01T00:00:00Z').set(marketing.auth);
    expect(past.body.total).toBe(0);
    const bad = await request(t.url).get('/api/v1/audit-logs?actorType=robot').set(marketing.auth);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
  });
});
