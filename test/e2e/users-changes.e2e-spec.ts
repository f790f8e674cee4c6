import { createHash } from 'node:crypto';
import request from 'supertest';
import { FindOptionsWhere } from 'typeorm';
import { AuditLog } from '../../src/modules/audit/persistence/audit-log.entity';
import { DiscountUsageLog } from '../../src/modules/codes/persistence/discount-usage-log.entity';
import { IssueDiscountCommand } from '../../src/modules/codes/commands/issue-discount.command';
import { Discount } from '../../src/modules/codes/persistence/discount.entity';
import { Segment } from '../../src/modules/segments/persistence/segment.entity';
import { RecordClientVisitCommand } from '../../src/modules/users/commands/record-client-visit.command';
import { SetBirthDateCommand } from '../../src/modules/users/commands/set-birth-date.command';
import { User } from '../../src/modules/users/persistence/user.entity';
import { loginAs } from '../support/auth';
import { aClientRedemption, aDiscount, aUser, manyUsers } from '../support/factories';
import { createTestApp, eventually, TestApp } from '../support/test-app';

const NOW = new Date('2026-07-14T02:00:00Z');

describe('users admin API: edit, delete, bulk tags', () => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof loginAs>>;
  let marketing: Awaited<ReturnType<typeof loginAs>>;
  let readonly: Awaited<ReturnType<typeof loginAs>>;
  const row = (id: number) => t.dataSource.getRepository(User).findOneByOrFail({ id });
  /** The newest audit row of `action` about client `id`, once the recorder has written it. */
  const audited = async (
    action: string,
    entityId: number | null = null,
    actorType?: string,
  ): Promise<AuditLog> => {
    const where: FindOptionsWhere<AuditLog> = { action };
    if (entityId !== null) where.entityId = String(entityId);
    if (actorType) where.actorType = actorType as AuditLog['actorType'];
    const entry = await eventually(() =>
      t.dataSource.getRepository(AuditLog).findOne({ where, order: { id: 'DESC' } }),
    );
    if (!entry) throw new Error(`no ${action} audit entry`);
    return entry;
  };

  beforeAll(async () => {
    // worker: the outbox's consumer revokes a deleted client's codes
    t = await createTestApp({ env: { APP_ROLES: 'api,worker' } });
    t.clock.set(NOW);
    owner = await loginAs(t, 'owner');
    marketing = await loginAs(t, 'marketing');
    readonly = await loginAs(t, 'readonly');
  });
  afterAll(() => t.close());

  describe('PATCH /users/:id', () => {
    it('lets marketing change tags, notes, birth date and the test flag, and audits it without personal data', async () => {
      const client = await aUser(t.dataSource, { tags: ['old'] });
      const response = await request(t.url)
        .patch(`/api/v1/users/${client.id}`)
        .set(marketing.auth)
        .send({
          tags: ['VIP', ' Сладкоежка ', 'vip'],
          notes: 'Любит мармелад',
          birthDate: '1990-07-20',
          isTest: true,
        });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        id: client.id,
        tags: ['vip', 'сладкоежка'],
        notes: 'Любит мармелад',
        birthDate: '1990-07-20',
        birthDateSetAt: NOW.toISOString(),
        isTest: true,
        discounts: [],
        redemptions: [],
      });
      const entry = await audited('user.updated', client.id);
      expect(entry).toMatchObject({ actorType: 'admin', actorId: String(marketing.admin.id) });
      expect(entry.changes).toEqual({
        fields: ['tags', 'notes', 'isTest', 'birthDate'],
        before: { tags: ['old'], isTest: false },
        after: { tags: ['vip', 'сладкоежка'], isTest: true },
      });
      expect(JSON.stringify(entry.changes)).not.toMatch(/мармелад|1990/);
      const birthday = await audited('user.birth_date_set', client.id);
      expect(birthday.changes).toEqual({ after: { by: 'admin', replaced: false, cleared: false } });
    });

    it('clears notes and the birth date with null, and changes nothing (no audit) when nothing differs', async () => {
      const client = await aUser(t.dataSource, { notes: 'x', birthDate: '1990-01-01', birthDateSetAt: NOW });
      const cleared = await request(t.url)
        .patch(`/api/v1/users/${client.id}`)
        .set(owner.auth)
        .send({ notes: null, birthDate: null });
      expect(cleared.body).toMatchObject({ notes: null, birthDate: null, birthDateSetAt: null });
      // Audit rows are written just after the answer: let the first PATCH's rows land before counting.
      const auditRows = () =>
        t.dataSource.getRepository(AuditLog).countBy({ entityType: 'user', entityId: String(client.id) });
      let before = await auditRows();
      for (let settled = 0; settled < 3;) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const now = await auditRows();
        settled = now === before ? settled + 1 : 0;
        before = now;
      }
      const same = await request(t.url)
        .patch(`/api/v1/users/${client.id}`)
        .set(owner.auth)
        .send({ notes: null, tags: [] });
      expect(same.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await auditRows()).toBe(before);
    });

    it('lets an admin replace a birth date the client saved', async () => {
      const client = await aUser(t.dataSource);
      await t.commands.execute(new SetBirthDateCommand(client.id, '1991-05-05', 'client'));
      const response = await request(t.url)
        .patch(`/api/v1/users/${client.id}`)
        .set(marketing.auth)
        .send({ birthDate: '1991-05-06' });
      expect(response.body.birthDate).toBe('1991-05-06');
      const entry = await audited('user.birth_date_set', client.id, 'admin');
      expect(entry.changes).toEqual({ after: { by: 'admin', replaced: true, cleared: false } });
    });

    it.each([
      ['21 tags', 422, 'TAG_TOO_MANY', { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }],
      ['a tag with a space', 422, 'TAG_INVALID', { tags: ['ok', 'два слова'] }],
      ['a 33-character tag', 422, 'TAG_INVALID', { tags: ['x'.repeat(33)] }],
      ['a future birth date', 422, 'BIRTH_DATE_INVALID', { birthDate: '2030-01-01' }],
      ['an impossible birth date', 422, 'BIRTH_DATE_INVALID', { birthDate: '1990-02-30' }],
      ['a 2-year-old', 422, 'BIRTH_DATE_INVALID', { birthDate: '2024-01-01' }],
      ['notes of 2001 characters', 400, 'VALIDATION_FAILED', { notes: 'я'.repeat(2001) }],
      ['tags: null', 400, 'VALIDATION_FAILED', { tags: null }],
      ['tags as a string', 400, 'VALIDATION_FAILED', { tags: 'vip' }],
      ['isTest as a string', 400, 'VALIDATION_FAILED', { isTest: 'yes' }],
      ['a field admins may not change', 400, 'VALIDATION_FAILED', { firstName: 'Хакер' }],
    ])('refuses %s with %i %s and changes nothing', async (_label, status, code, body) => {
      const client = await aUser(t.dataSource, { tags: ['keep'] });
      const response = await request(t.url)
        .patch(`/api/v1/users/${client.id}`)
        .set(marketing.auth)
        .send(body);
      expect({ status: response.status, code: response.body.error.code }).toEqual({ status, code });
      expect((await row(client.id)).tags).toEqual(['keep']);
    });

    it('answers USER_NOT_FOUND, and 403 to readonly', async () => {
      const missing = await request(t.url)
        .patch('/api/v1/users/999999')
        .set(marketing.auth)
        .send({ isTest: true });
      expect(missing.body.error.code).toBe('USER_NOT_FOUND');
      const client = await aUser(t.dataSource);
      const refused = await request(t.url)
        .patch(`/api/v1/users/${client.id}`)
        .set(readonly.auth)
        .send({ isTest: true });
      expect(refused.status).toBe(403);
      expect((await row(client.id)).isTest).toBe(false);
    });
  });

  describe('DELETE /users/:id', () => {
    it('is for owners only: marketing gets 403 and the client stays', async () => {
      const client = await aUser(t.dataSource);
      const response = await request(t.url).delete(`/api/v1/users/${client.id}`).set(marketing.auth);
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('FORBIDDEN_ROLE');
      expect((await row(client.id)).status).toBe('active');
    });

    it('anonymises the client, keeps history, and lets the person register again as new', async () => {
      const client = await aUser(t.dataSource, {
        telegramId: 555000111,
        username: 'marina_k',
        firstName: 'Марина',
        lastName: 'Кузнецова',
        languageCode: 'ru',
        birthDate: '1992-04-04',
        notes: 'Звонить вечером',
        tags: ['vip'],
        isSubscribed: true,
        source: 'instagram',
      });
      const code = await aDiscount(t.dataSource, client, { status: 'used' });
      await aClientRedemption(t.dataSource, code);
      const unused = await aDiscount(t.dataSource, client, { periodKey: 'unused' });

      const response = await request(t.url).delete(`/api/v1/users/${client.id}`).set(owner.auth);
      expect(response.status).toBe(204);
      const anonymised = await row(client.id);
      expect(anonymised).toMatchObject({
        telegramId: null,
        telegramIdHash: createHash('sha256').update('555000111').digest('hex'),
        username: null,
        firstName: null,
        lastName: null,
        languageCode: null,
        birthDate: null,
        birthDateSetAt: null,
        notes: null,
        tags: [],
        referralCode: null,
        isSubscribed: false,
        status: 'deleted',
        source: 'instagram',
      });
      expect(await t.dataSource.getRepository(Discount).countBy({ userId: client.id })).toBe(2);
      // the codes that could still be used are revoked (the person may register again as new)
      await eventually(
        async () =>
          (await t.dataSource.getRepository(Discount).findOneByOrFail({ id: unused.id })).status ===
          'revoked',
      );
      expect((await t.dataSource.getRepository(Discount).findOneByOrFail({ id: code.id })).status).toBe(
        'used',
      );
      expect(await audited('discount.revoked', unused.id)).toMatchObject({ actorType: 'admin' });
      expect(await t.dataSource.getRepository(DiscountUsageLog).countBy({ userId: client.id })).toBe(1);
      const entry = await audited('user.deleted', client.id);
      expect(entry).toMatchObject({ actorType: 'admin', actorId: String(owner.admin.id) });
      expect(JSON.stringify(entry.changes)).not.toMatch(/Марина|marina|555000111/);

      // Gone from the default list; shown anonymised on request.
      const listed = await request(t.url).get('/api/v1/users?status=deleted').set(owner.auth);
      expect(listed.body.items.map((u: { id: number }) => u.id)).toContain(client.id);

      // Again: USER_DELETED, for a delete and an edit.
      const again = await request(t.url).delete(`/api/v1/users/${client.id}`).set(owner.auth);
      expect({ status: again.status, code: again.body.error.code }).toEqual({
        status: 410,
        code: 'USER_DELETED',
      });
      const edit = await request(t.url)
        .patch(`/api/v1/users/${client.id}`)
        .set(owner.auth)
        .send({ tags: ['x'] });
      expect(edit.body.error.code).toBe('USER_DELETED');

      // The same Telegram account presses /start: a new client, linked to the old row only through the hash.
      const back = await t.commands.execute(
        new RecordClientVisitCommand({ telegramId: 555000111, firstName: 'Марина', payload: 'vk' }),
      );
      expect(back).toMatchObject({ isNew: true, reactivated: false });
      expect(back.userId).not.toBe(client.id);
      expect(await row(back.userId)).toMatchObject({
        telegramId: 555000111,
        source: 'vk',
        status: 'active',
        tags: [],
      });
      const registered = await audited('user.registered', back.userId);
      expect(registered.changes).toMatchObject({ after: { previousUserId: client.id } });
    });

    it('keeps personal data out of the outbox: a registration, a birth date and an issued code carry ids only', async () => {
      const { userId } = await t.commands.execute(
        new RecordClientVisitCommand({ telegramId: 555000333, firstName: 'Зоя', payload: 'flyer' }),
      );
      await t.commands.execute(new SetBirthDateCommand(userId, '1993-03-03', 'client'));
      await t.commands.execute(
        new IssueDiscountCommand({ userId, templateId: 1, reason: 'manual', periodKey: null }),
      );
      const facts = (await t.dataSource.query(
        `SELECT type, payload FROM outbox_events
          WHERE type IN ('user.registered', 'user.birth-date-set', 'discount.issued')
            AND COALESCE(JSON_VALUE(payload, '$.userId'), JSON_VALUE(payload, '$.issued.userId')) = ?`,
        [userId],
      )) as Array<{ type: string; payload: string | object }>;
      expect(facts.map((fact) => fact.type).sort()).toEqual([
        'discount.issued',
        'user.birth-date-set',
        'user.registered',
      ]);
      for (const { payload } of facts) {
        const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
        for (const personal of ['telegramId', 'firstName', 'birthDate', '555000333', 'Зоя', '1993-03-03']) {
          expect(text).not.toContain(personal);
        }
      }
    });

    it('answers USER_NOT_FOUND for an unknown id', async () => {
      const response = await request(t.url).delete('/api/v1/users/999999').set(owner.auth);
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('USER_NOT_FOUND');
    });
  });

  describe('POST /users/bulk/tags', () => {
    const bulk = (body: object, auth = marketing.auth) =>
      request(t.url).post('/api/v1/users/bulk/tags').set(auth).send(body);

    it('adds and removes tags on listed clients; deleted and unknown ids are not touched', async () => {
      const a = await aUser(t.dataSource, { tags: ['old', 'keep'] });
      const b = await aUser(t.dataSource, { tags: [] });
      const gone = await aUser(t.dataSource, { status: 'deleted', telegramId: null, tags: ['old'] });
      const response = await bulk({
        add: ['VIP', 'Опт'],
        remove: ['old'],
        userIds: [a.id, b.id, gone.id, 999999],
      });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ matched: 2, updated: 2, skipped: 0 });
      expect((await row(a.id)).tags).toEqual(['keep', 'vip', 'опт']);
      expect((await row(b.id)).tags).toEqual(['vip', 'опт']);
      expect((await row(gone.id)).tags).toEqual(['old']);
      const entry = await audited('users.bulk_tags');
      expect(entry.changes).toEqual({
        add: ['vip', 'опт'],
        remove: ['old'],
        target: { userIds: 4 },
        matched: 2,
        updated: 2,
        skipped: 0,
      });
      // Again: nothing moves.
      expect((await bulk({ add: ['vip'], userIds: [a.id] })).body).toEqual({
        matched: 1,
        updated: 0,
        skipped: 0,
      });
    });

    it('tags the clients of a filter: active, non-test ones unless the filter says otherwise', async () => {
      const source = 'bulk_filter';
      const active = await aUser(t.dataSource, { source });
      const blocked = await aUser(t.dataSource, { source, status: 'blocked' });
      const tester = await aUser(t.dataSource, { source, isTest: true });
      const other = await aUser(t.dataSource, { source: 'elsewhere' });
      const filter = { all: [{ field: 'source', op: 'eq', value: source }] };
      expect((await bulk({ add: ['акция'], filter })).body).toEqual({ matched: 1, updated: 1, skipped: 0 });
      expect((await row(active.id)).tags).toEqual(['акция']);
      for (const id of [blocked.id, tester.id, other.id]) expect((await row(id)).tags).toEqual([]);
      const withBlocked = {
        all: [...filter.all, { field: 'status', op: 'in', value: ['active', 'blocked'] }],
      };
      expect((await bulk({ add: ['акция'], filter: withBlocked })).body).toEqual({
        matched: 2,
        updated: 1,
        skipped: 0,
      });
      expect((await row(blocked.id)).tags).toEqual(['акция']);
    });

    it('tags the clients of a saved segment', async () => {
      const subscribers = await t.dataSource
        .getRepository(Segment)
        .findOneByOrFail({ name: 'Подписчики канала' });
      const subscribed = await aUser(t.dataSource, { isSubscribed: true });
      const response = await bulk({ add: ['подписчик'], segmentId: subscribers.id });
      expect(response.status).toBe(200);
      const tagged = await t.dataSource
        .getRepository(User)
        .createQueryBuilder('u')
        .where("JSON_CONTAINS(u.tags, JSON_QUOTE('подписчик'))")
        .getMany();
      expect(tagged.map((u) => u.id)).toEqual([subscribed.id]);
      expect(response.body).toEqual({ matched: 1, updated: 1, skipped: 0 });
    });

    it('skips a client who would pass 20 tags', async () => {
      const full = await aUser(t.dataSource, { tags: Array.from({ length: 20 }, (_, i) => `t${i}`) });
      const room = await aUser(t.dataSource, { tags: ['t0'] });
      expect((await bulk({ add: ['new'], userIds: [full.id, room.id] })).body).toEqual({
        matched: 2,
        updated: 1,
        skipped: 1,
      });
      expect((await row(full.id)).tags).toHaveLength(20);
      // Removing at the same time makes room.
      expect((await bulk({ add: ['new'], remove: ['t0'], userIds: [full.id] })).body.updated).toBe(1);
    });

    it('works through thousands of clients in batches', async () => {
      await manyUsers(t.dataSource, 1_234, () => ({ source: 'bulk_many', tags: ['old'] }));
      const filter = { all: [{ field: 'source', op: 'eq', value: 'bulk_many' }] };
      const response = await bulk({ add: ['много'], remove: ['old'], filter });
      expect(response.body).toEqual({ matched: 1_234, updated: 1_234, skipped: 0 });
      const left = await t.dataSource
        .getRepository(User)
        .createQueryBuilder('u')
        .where("u.source = 'bulk_many' AND NOT JSON_CONTAINS(u.tags, JSON_QUOTE('много'))")
        .getCount();
      expect(left).toBe(0);
    });

    it.each([
      [{ add: ['x'] }, 400, 'VALIDATION_FAILED'],
      [{ add: ['x'], userIds: [1], segmentId: 1 }, 400, 'VALIDATION_FAILED'],
      [{ userIds: [1] }, 400, 'VALIDATION_FAILED'],
      [{ add: ['x'], remove: ['X'], userIds: [1] }, 400, 'VALIDATION_FAILED'],
      [{ add: ['x'], userIds: [] }, 400, 'VALIDATION_FAILED'],
      [{ add: ['x'], userIds: ['1'] }, 400, 'VALIDATION_FAILED'],
      [{ add: ['два слова'], userIds: [1] }, 422, 'TAG_INVALID'],
      [{ add: Array.from({ length: 21 }, (_, i) => `t${i}`), userIds: [1] }, 422, 'TAG_TOO_MANY'],
      [{ add: ['x'], segmentId: 999 }, 404, 'SEGMENT_NOT_FOUND'],
      [
        { add: ['x'], filter: { all: [{ field: 'tags', op: 'has', value: ['x'] }] } },
        400,
        'SEGMENT_FILTER_INVALID',
      ],
    ])('refuses %j with %i %s', async (body, status, code) => {
      const response = await bulk(body);
      expect({ status: response.status, code: response.body.error.code }).toEqual({ status, code });
    });

    it('names the bad rule of a filter by its path', async () => {
      const response = await bulk({
        add: ['x'],
        filter: { all: [{ any: [{ field: 'birthday', op: 'month', value: 13 }] }] },
      });
      expect(response.body.error.details).toEqual({ path: 'all[0].any[0].value' });
    });

    it('is refused to readonly', async () => {
      const client = await aUser(t.dataSource);
      const response = await bulk({ add: ['x'], userIds: [client.id] }, readonly.auth);
      expect(response.status).toBe(403);
      expect((await row(client.id)).tags).toEqual([]);
    });
  });
});
