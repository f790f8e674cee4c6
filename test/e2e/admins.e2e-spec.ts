import request from 'supertest';
import { AuditLog } from '../../src/modules/audit/persistence/audit-log.entity';
import { Admin } from '../../src/modules/staff/persistence/admin.entity';
import { loginAs } from '../support/auth';
import { createTestApp, eventually, TestApp } from '../support/test-app';

describe('admins API (owner)', () => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof loginAs>>;
  beforeAll(async () => {
    t = await createTestApp({ env: { APP_ROLES: 'api' } });
    owner = await loginAs(t, 'owner', { username: 'owner1' });
  });
  afterAll(() => t.close());

  it('creates an admin with a bcrypt hash, who can then log in', async () => {
    const created = await request(t.url)
      .post('/api/v1/admins')
      .set(owner.auth)
      .send({ username: 'marina', password: 'сладкий-пароль', role: 'marketing' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.any(Number),
      username: 'marina',
      role: 'marketing',
      isActive: true,
    });
    expect(created.body).not.toHaveProperty('passwordHash');
    const row = await t.dataSource.getRepository(Admin).findOneByOrFail({ username: 'marina' });
    expect(row.passwordHash).toMatch(/^\$2[aby]\$1[0-9]\$/);
    const login = await request(t.url)
      .post('/api/v1/auth/login')
      .send({ username: 'marina', password: 'сладкий-пароль' });
    expect(login.status).toBe(200);
    const taken = await request(t.url)
      .post('/api/v1/admins')
      .set(owner.auth)
      .send({ username: 'marina', password: 'другой-пароль', role: 'readonly' });
    expect(taken.body.error.code).toBe('ADMIN_USERNAME_TAKEN');
  });

  it('refuses weak passwords and unknown roles with VALIDATION_FAILED', async () => {
    const response = await request(t.url)
      .post('/api/v1/admins')
      .set(owner.auth)
      .send({ username: 'x', password: '123', role: 'god' });
    expect(response.status).toBe(400);
    expect(response.body.error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'password',
      'role',
      'username',
    ]);
  });

  it('lists with pagination', async () => {
    const response = await request(t.url).get('/api/v1/admins?limit=1&sort=-id').set(owner.auth);
    expect(response.body).toMatchObject({ page: 1, limit: 1, total: expect.any(Number) });
    expect(response.body.items).toHaveLength(1);
    expect((await request(t.url).get('/api/v1/admins?limit=500').set(owner.auth)).body.error.code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('keeps the last active owner: no self-demotion, deactivation or deletion', async () => {
    const id = owner.admin.id;
    for (const call of [
      request(t.url).patch(`/api/v1/admins/${id}`).set(owner.auth).send({ role: 'marketing' }),
      request(t.url).patch(`/api/v1/admins/${id}`).set(owner.auth).send({ isActive: false }),
      request(t.url).delete(`/api/v1/admins/${id}`).set(owner.auth),
    ]) {
      const response = await call;
      expect(response.status).toBe(409);
      expect(response.body.error.code).toBe('LAST_OWNER');
    }
  });

  it('lets a second owner take over, then the first may go', async () => {
    const second = await request(t.url)
      .post('/api/v1/admins')
      .set(owner.auth)
      .send({ username: 'owner2', password: 'второй-владелец', role: 'owner' });
    const demoted = await request(t.url)
      .patch(`/api/v1/admins/${owner.admin.id}`)
      .set(owner.auth)
      .send({ role: 'readonly' });
    expect(demoted.status).toBe(200);
    expect(demoted.body.role).toBe('readonly');
    // The demotion applies at once, to the token already issued.
    expect((await request(t.url).get('/api/v1/admins').set(owner.auth)).body.error.code).toBe(
      'FORBIDDEN_ROLE',
    );
    const rows = await eventually(async () => {
      const found = await t.dataSource.getRepository(AuditLog).findBy({ action: 'admin.updated' });
      return found.length > 0 ? found : null;
    });
    expect(rows?.[0]).toMatchObject({
      actorType: 'admin',
      actorId: String(owner.admin.id),
      entityId: String(owner.admin.id),
    });
    expect(second.status).toBe(201);
  });

  it('resets a password and answers ADMIN_NOT_FOUND for unknown ids', async () => {
    const boss = await loginAs(t, 'owner');
    const target = await loginAs(t, 'readonly', { username: 'reader' });
    expect(
      (
        await request(t.url)
          .post(`/api/v1/admins/${target.admin.id}/password`)
          .set(boss.auth)
          .send({ password: 'новый-пароль-1' })
      ).status,
    ).toBe(204);
    expect(
      (
        await request(t.url)
          .post('/api/v1/auth/login')
          .send({ username: 'reader', password: 'новый-пароль-1' })
      ).status,
    ).toBe(200);
    const missing = await request(t.url).get('/api/v1/admins/999999').set(boss.auth);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('ADMIN_NOT_FOUND');
    expect(JSON.stringify(await t.dataSource.getRepository(AuditLog).find())).not.toContain('новый-пароль');
  });
});
