import request from 'supertest';
import { AuditLog } from '../../src/modules/audit/persistence/audit-log.entity';
import { Segment } from '../../src/modules/segments/persistence/segment.entity';
import { loginAs } from '../support/auth';
import { aUser } from '../support/factories';
import { createTestApp, eventually, TestApp } from '../support/test-app';

const NOW = new Date('2026-07-14T02:00:00Z');

describe('segments API', () => {
  let t: TestApp;
  let marketing: Awaited<ReturnType<typeof loginAs>>;
  let readonly: Awaited<ReturnType<typeof loginAs>>;
  let system: Segment[];
  const api = (auth: Record<string, string>) => ({
    get: (path: string) => request(t.url).get(`/api/v1/segments${path}`).set(auth),
    post: (path: string, body: object) => request(t.url).post(`/api/v1/segments${path}`).set(auth).send(body),
    patch: (path: string, body: object) =>
      request(t.url).patch(`/api/v1/segments${path}`).set(auth).send(body),
    delete: (path: string) => request(t.url).delete(`/api/v1/segments${path}`).set(auth),
  });
  const vipFilter = { all: [{ field: 'tags', op: 'any', value: ['vip'] }] };

  beforeAll(async () => {
    t = await createTestApp({ env: { APP_ROLES: 'api' } });
    t.clock.set(NOW);
    marketing = await loginAs(t, 'marketing');
    readonly = await loginAs(t, 'readonly');
    system = await t.dataSource.getRepository(Segment).find({ order: { id: 'ASC' } });
    // Three VIPs of whom one blocked the bot and one is a tester; the newest registered last.
    for (const [n, fields] of [
      [1, {}],
      [2, { status: 'blocked' as const }],
      [3, { isTest: true }],
      [4, { isSubscribed: true }],
    ] as const) {
      await aUser(t.dataSource, {
        firstName: `VIP ${n}`,
        tags: ['vip'],
        createdAt: new Date(NOW.getTime() - (10 - n) * 86_400_000),
        ...fields,
      });
    }
    await aUser(t.dataSource, { firstName: 'Обычный', isSubscribed: true });
  });
  afterAll(() => t.close());

  it('lists the seeded system segments to any admin, with pagination', async () => {
    const response = await api(readonly.auth).get('?limit=2');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ total: 5, page: 1, limit: 2 });
    expect(response.body.items[0]).toMatchObject({
      name: 'Все клиенты',
      filter: { all: [] },
      isSystem: true,
    });
    const one = await api(readonly.auth).get(`/${system[1].id}`);
    expect(one.body).toMatchObject({ name: 'Подписчики канала', isSystem: true });
    expect((await api(readonly.auth).get('/999')).body.error.code).toBe('SEGMENT_NOT_FOUND');
  });

  it('counts a saved segment now: active, non-test clients unless its rules say otherwise', async () => {
    expect((await api(readonly.auth).get(`/${system[0].id}/count`)).body).toEqual({
      segmentId: system[0].id,
      count: 3,
    });
    expect((await api(readonly.auth).get(`/${system[1].id}/count`)).body.count).toBe(2);
    expect((await api(readonly.auth).get('/999/count')).body.error.code).toBe('SEGMENT_NOT_FOUND');
  });

  it('previews a filter: the count and the newest clients', async () => {
    const response = await api(marketing.auth).post('/preview', { filter: vipFilter });
    expect(response.status).toBe(200);
    expect(response.body.count).toBe(2);
    expect(response.body.users.map((u: { firstName: string }) => u.firstName)).toEqual(['VIP 4', 'VIP 1']);
    expect(response.body.users[0]).toMatchObject({ tags: ['vip'], status: 'active', isSubscribed: true });
    const withBlocked = await api(marketing.auth).post('/preview', {
      filter: { all: [...vipFilter.all, { field: 'status', op: 'in', value: ['active', 'blocked'] }] },
    });
    expect(withBlocked.body.count).toBe(3);
    const bad = await api(marketing.auth).post('/preview', {
      filter: { all: [{ any: [{ field: 'tags', op: 'contains', value: ['vip'] }] }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      code: 'SEGMENT_FILTER_INVALID',
      details: { path: 'all[0].any[0].op', allowed: ['any', 'all', 'none'] },
    });
    expect((await api(readonly.auth).post('/preview', { filter: vipFilter })).status).toBe(403);
  });

  it('saves, changes and deletes a segment (marketing), audited', async () => {
    const created = await api(marketing.auth).post('', {
      name: 'VIP-клиенты',
      description: 'Клиенты с меткой vip',
      filter: vipFilter,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.any(Number),
      name: 'VIP-клиенты',
      filter: vipFilter,
      isSystem: false,
    });
    const id = created.body.id as number;
    expect((await api(readonly.auth).get(`/${id}/count`)).body.count).toBe(2);

    const renamed = await api(marketing.auth).patch(`/${id}`, {
      name: 'VIP и подписчики',
      filter: { all: [...vipFilter.all, { field: 'isSubscribed', op: 'eq', value: true }] },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'VIP и подписчики', description: 'Клиенты с меткой vip' });
    expect((await api(readonly.auth).get(`/${id}/count`)).body.count).toBe(1);

    const removed = await api(marketing.auth).delete(`/${id}`);
    expect(removed.status).toBe(204);
    expect((await api(readonly.auth).get(`/${id}`)).body.error.code).toBe('SEGMENT_NOT_FOUND');
    const actions = await eventually(async () => {
      const rows = await t.dataSource.getRepository(AuditLog).find({
        where: { entityType: 'segment', entityId: String(id) },
        order: { id: 'ASC' },
      });
      return rows.length === 3 ? rows.map((row) => row.action) : null;
    });
    expect(actions).toEqual(['segment.created', 'segment.updated', 'segment.deleted']);
  });

  it('refuses a taken name (any case), a bad filter with its path, and bad bodies', async () => {
    await api(marketing.auth).post('', { name: 'Любители шоколада', filter: vipFilter });
    const taken = await api(marketing.auth).post('', { name: 'ЛЮБИТЕЛИ ШОКОЛАДА', filter: vipFilter });
    expect(taken.status).toBe(400);
    expect(taken.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'name' }] },
    });
    const badFilter = await api(marketing.auth).post('', {
      name: 'Плохой',
      filter: { any: [{ field: 'birthday', op: 'withinDays', value: 400 }] },
    });
    expect(badFilter.body.error).toMatchObject({
      code: 'SEGMENT_FILTER_INVALID',
      details: { path: 'any[0].value' },
    });
    for (const body of [
      { filter: vipFilter },
      { name: '', filter: vipFilter },
      { name: 'x', filter: 'vip' },
    ]) {
      expect((await api(marketing.auth).post('', body)).body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await api(readonly.auth).post('', { name: 'Чужой', filter: vipFilter })).status).toBe(403);
  });

  it('keeps system segments read-only for everyone, owner included', async () => {
    const owner = await loginAs(t, 'owner');
    const edit = await api(owner.auth).patch(`/${system[0].id}`, { name: 'Все' });
    expect(edit.status).toBe(403);
    expect(edit.body.error).toMatchObject({
      code: 'FORBIDDEN_ROLE',
      message: 'System segments are read-only',
    });
    expect((await api(owner.auth).delete(`/${system[0].id}`)).status).toBe(403);
    expect((await t.dataSource.getRepository(Segment).findOneByOrFail({ id: system[0].id })).name).toBe(
      'Все клиенты',
    );
  });

  it('refuses to delete a segment a broadcast uses: SEGMENT_IN_USE', async () => {
    const created = await api(marketing.auth).post('', { name: 'Для рассылки', filter: vipFilter });
    await t.dataSource.query(
      "INSERT INTO broadcasts (title, text, segment_id, status, scheduled_at) VALUES ('Акция', 'Скидки!', ?, 'scheduled', ?)",
      [created.body.id, new Date(NOW.getTime() + 3_600_000)],
    );
    const response = await api(marketing.auth).delete(`/${created.body.id}`);
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({ code: 'SEGMENT_IN_USE', details: { broadcasts: 1 } });
  });
});
