import request from 'supertest';
import { AuditLog } from '../../src/modules/audit/persistence/audit-log.entity';
import { IssueDiscountCommand } from '../../src/modules/codes/commands/issue-discount.command';
import * as codes from '../../src/modules/codes/domain/discount-code';
import { DiscountUsageLog } from '../../src/modules/codes/persistence/discount-usage-log.entity';
import { Discount } from '../../src/modules/codes/persistence/discount.entity';
import { Segment } from '../../src/modules/segments/persistence/segment.entity';
import { loginAs } from '../support/auth';
import { aDiscount, aDiscountTemplate, aUser } from '../support/factories';
import { createTestApp, eventually, TestApp } from '../support/test-app';

type Auth = { Authorization: string };
const DAY = 86_400_000;
const CODE_PATTERN = new RegExp(`^[${codes.CODE_ALPHABET}]{8}$`);

describe('discounts admin API: templates, issue, bulk issue, redeem, revoke, lists', () => {
  let t: TestApp;
  let marketing: Awaited<ReturnType<typeof loginAs>>;
  let auth: Auth;
  const api = () => request(t.url);
  const discounts = () => t.dataSource.getRepository(Discount);

  beforeAll(async () => {
    t = await createTestApp({ env: { APP_ROLES: 'api,worker' } });
    marketing = await loginAs(t, 'marketing');
    auth = marketing.auth;
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t.close());

  describe('templates', () => {
    it('creates, reads, lists, changes and deletes an unused template', async () => {
      const created = await api().post('/api/v1/discount-templates').set(auth).send({
        name: '300 ₽ от 1500 ₽',
        kind: 'fixed',
        value: 30_000,
        minPurchase: 150_000,
        validDays: 14,
        description: 'Скидка 300 ₽ на покупку от 1500 ₽',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        id: expect.any(Number),
        purpose: 'manual',
        kind: 'fixed',
        value: 30_000,
        valueText: '300\u00A0₽',
        usage: 'single',
        recurrence: 'none',
        minPurchase: 150_000,
        isActive: true,
      });
      const id = created.body.id as number;
      expect((await api().get(`/api/v1/discount-templates/${id}`).set(auth)).body.name).toBe(
        '300 ₽ от 1500 ₽',
      );

      const changed = await api()
        .patch(`/api/v1/discount-templates/${id}`)
        .set(auth)
        .send({ recurrence: 'every_n_days', recurrenceDays: 30, validDays: null });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ recurrence: 'every_n_days', recurrenceDays: 30, validDays: null });
      const back = await api()
        .patch(`/api/v1/discount-templates/${id}`)
        .set(auth)
        .send({ recurrence: 'none' });
      expect(back.body).toMatchObject({ recurrence: 'none', recurrenceDays: null });

      const list = await api()
        .get('/api/v1/discount-templates?purpose=manual&isActive=true&sort=-id')
        .set(auth);
      expect(list.body).toMatchObject({ page: 1, limit: 20, total: expect.any(Number) });
      expect(list.body.items[0].id).toBe(id);

      expect((await api().delete(`/api/v1/discount-templates/${id}`).set(auth)).status).toBe(204);
      const gone = await api().get(`/api/v1/discount-templates/${id}`).set(auth);
      expect(gone.status).toBe(404);
      expect(gone.body.error.code).toBe('TEMPLATE_NOT_FOUND');
      const audit = await eventually(() =>
        t.dataSource
          .getRepository(AuditLog)
          .findBy({ entityType: 'discount_template', entityId: String(id) }),
      );
      expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['discount_template.created']));
    });

    it('refuses terms that contradict each other, naming the fields', async () => {
      const response = await api()
        .post('/api/v1/discount-templates')
        .set(auth)
        .send({ name: 'Плохой', kind: 'percent', value: 150, recurrence: 'every_n_days', maxRedemptions: 5 });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(response.body.error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual([
        'maxRedemptions',
        'recurrenceDays',
        'value',
      ]);
    });

    it('keeps a template in use: TEMPLATE_IN_USE, deactivate instead', async () => {
      const template = await aDiscountTemplate(t.dataSource);
      await aDiscount(t.dataSource, await aUser(t.dataSource), { templateId: template.id });
      const refused = await api().delete(`/api/v1/discount-templates/${template.id}`).set(auth);
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({ code: 'TEMPLATE_IN_USE', details: { codes: 1 } });
      expect(refused.body.error.message).toMatch(/deactivate/);
      // The seeded subscription template has no codes yet, but the gift setting points at it.
      const seeded = await api().delete('/api/v1/discount-templates/1').set(auth);
      expect(seeded.body.error).toMatchObject({
        code: 'TEMPLATE_IN_USE',
        details: { setting: 'subscription.template_id' },
      });
      const off = await api()
        .patch(`/api/v1/discount-templates/${template.id}`)
        .set(auth)
        .send({ isActive: false });
      expect(off.body.isActive).toBe(false);
      const usage = await api()
        .patch(`/api/v1/discount-templates/${template.id}`)
        .set(auth)
        .send({ usage: 'shared' });
      expect(usage.body.error.code).toBe('TEMPLATE_IN_USE');
      expect((await api().delete('/api/v1/discount-templates/9999').set(auth)).body.error.code).toBe(
        'TEMPLATE_NOT_FOUND',
      );
    });
  });

  describe('issue', () => {
    it('issues a manual code: 201, a code of the alphabet, value copied, expiry = issue + valid days', async () => {
      const user = await aUser(t.dataSource);
      t.clock.set('2026-05-01T00:00:00.000Z');
      const issued = await api().post('/api/v1/discounts').set(auth).send({ userId: user.id, templateId: 3 });
      expect(issued.status).toBe(201);
      expect(issued.body).toMatchObject({
        id: expect.any(Number),
        code: expect.stringMatching(CODE_PATTERN),
        userId: user.id,
        templateId: 3,
        kind: 'percent',
        value: 5,
        status: 'active',
        reason: 'manual',
        periodKey: null,
        issuedByAdminId: marketing.admin.id,
        validFrom: '2026-05-01T00:00:00.000Z',
        expiresAt: '2026-05-31T00:00:00.000Z',
      });
      // The template changes later; the code keeps what it was issued with.
      await api().patch('/api/v1/discount-templates/3').set(auth).send({ value: 7 });
      expect((await api().get(`/api/v1/discounts/${issued.body.code}`).set(auth)).body.value).toBe(5);
      // Manual issues repeat.
      const again = await api()
        .post('/api/v1/discounts')
        .set(auth)
        .send({ userId: user.id, templateId: 3, expiresAt: '2026-06-15T12:00:00+10:00' });
      expect(again.status).toBe(201);
      expect(again.body.code).not.toBe(issued.body.code);
      expect(again.body.expiresAt).toBe('2026-06-15T02:00:00.000Z');
      const audit = await eventually(() =>
        t.dataSource
          .getRepository(AuditLog)
          .findOneBy({ action: 'discount.issued', entityId: String(issued.body.id) }),
      );
      expect(audit).toMatchObject({ actorType: 'admin', actorId: String(marketing.admin.id) });
    });

    it('draws another code when a new one collides with an existing code (unique uq_discounts_code)', async () => {
      const user = await aUser(t.dataSource);
      await aDiscount(t.dataSource, user, { code: 'TAKEN234' });
      const draws = jest
        .spyOn(codes, 'generateCode')
        .mockReturnValueOnce('TAKEN234')
        .mockReturnValueOnce('TAKEN234')
        .mockReturnValueOnce('FRESH234');
      try {
        const issued = await api()
          .post('/api/v1/discounts')
          .set(auth)
          .send({ userId: user.id, templateId: 3 });
        expect(issued.status).toBe(201);
        expect(issued.body.code).toBe('FRESH234');
        expect(draws).toHaveBeenCalledTimes(3);
      } finally {
        draws.mockRestore();
      }
    });

    it('refuses unknown or deleted clients, unknown or switched-off templates, past expiries', async () => {
      const deleted = await aUser(t.dataSource, { status: 'deleted' });
      const off = await aDiscountTemplate(t.dataSource, { isActive: false });
      const user = await aUser(t.dataSource);
      const cases: Array<[object, number, string]> = [
        [{ userId: 999_999, templateId: 3 }, 404, 'USER_NOT_FOUND'],
        [{ userId: deleted.id, templateId: 3 }, 410, 'USER_DELETED'],
        [{ userId: user.id, templateId: 9999 }, 404, 'TEMPLATE_NOT_FOUND'],
        [{ userId: user.id, templateId: off.id }, 422, 'TEMPLATE_INACTIVE'],
        [{ userId: user.id, templateId: 3, expiresAt: '2000-01-01T00:00:00Z' }, 400, 'VALIDATION_FAILED'],
        [{ templateId: 3 }, 400, 'VALIDATION_FAILED'],
      ];
      for (const [body, status, code] of cases) {
        const response = await api().post('/api/v1/discounts').set(auth).send(body);
        expect({ body, status: response.status, code: response.body.error?.code }).toEqual({
          body,
          status,
          code,
        });
      }
    });

    it('gives a gift once per period, however many callers race (unique user, template, period)', async () => {
      const user = await aUser(t.dataSource);
      t.clock.set('2026-11-25T00:30:00.000Z');
      const birthday = () =>
        t.commands.execute(new IssueDiscountCommand({ userId: user.id, templateId: 2, reason: 'birthday' }));
      const results = await Promise.all(Array.from({ length: 5 }, birthday));
      expect(new Set(results.map((r) => r.discount.code)).size).toBe(1);
      expect(results.filter((r) => !r.alreadyIssued)).toHaveLength(1);
      expect(results[0].discount).toMatchObject({ periodKey: '2026', reason: 'birthday', value: 15 });
      const twice = await birthday();
      expect(twice).toMatchObject({ alreadyIssued: true, discount: { code: results[0].discount.code } });
      expect(await discounts().countBy({ userId: user.id, templateId: 2 })).toBe(1);

      // Next shop-time year: 31 Dec 2026 14:00 UTC is 1 Jan 2027 00:00 in Vladivostok.
      t.clock.set('2026-12-31T14:00:00.000Z');
      expect((await birthday()).discount.periodKey).toBe('2027');

      // The subscription gift: once ever.
      const gift = () =>
        t.commands.execute(
          new IssueDiscountCommand({ userId: user.id, templateId: 1, reason: 'subscription' }),
        );
      const [a, b] = [await gift(), await gift()];
      expect(a.discount.periodKey).toBe('once');
      expect(b).toMatchObject({ alreadyIssued: true, discount: { id: a.discount.id } });

      // The manual API on a yearly template: GIFT_ALREADY_ISSUED with the existing code.
      t.clock.set('2026-11-25T00:30:00.000Z', true);
      const manual = await api().post('/api/v1/discounts').set(auth).send({ userId: user.id, templateId: 2 });
      expect(manual.status).toBe(409);
      expect(manual.body.error).toMatchObject({
        code: 'GIFT_ALREADY_ISSUED',
        details: { periodKey: '2026', code: results[0].discount.code },
      });
    });
  });

  describe('bulk issue', () => {
    it('issues to ids as a job: 202, then progress and result through /api/v1/jobs/:id', async () => {
      const [a, b] = [await aUser(t.dataSource), await aUser(t.dataSource)];
      const gone = await aUser(t.dataSource, { status: 'deleted' });
      const started = await api()
        .post('/api/v1/users/bulk/discounts')
        .set(auth)
        .send({ templateId: 3, userIds: [a.id, b.id, a.id, gone.id, 999_999] });
      expect(started.status).toBe(202);
      const jobId = started.body.jobId as string;
      expect(jobId).toMatch(/^bulk-[0-9a-f]{16}$/);

      const job = await eventually(async () => {
        const response = await api().get(`/api/v1/jobs/${jobId}`).set(auth);
        return response.body.state === 'completed' ? response.body : null;
      }, 10_000);
      expect(job).toMatchObject({
        id: jobId,
        name: 'discounts.bulk-issue',
        state: 'completed',
        progress: { processed: 4, total: 4, percent: 100, issued: 2, skipped: 2, failed: 0 },
        result: { total: 4, issued: 2, skipped: 2, failed: 0 },
        failedReason: null,
        attemptsMade: expect.any(Number),
        createdAt: expect.any(String),
        finishedAt: expect.any(String),
      });
      const rows = await discounts().findBy({ periodKey: jobId });
      expect(rows.map((r) => r.userId).sort()).toEqual([a.id, b.id].sort());
      expect(rows.every((r) => r.reason === 'bulk' && r.issuedByAdminId === marketing.admin.id)).toBe(true);

      const missing = await api().get('/api/v1/jobs/no-such-job').set(auth);
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe('JOB_NOT_FOUND');
    });

    it("issues to a segment's active, non-test clients", async () => {
      const tags = ['bulk-vip'];
      const vips = [await aUser(t.dataSource, { tags }), await aUser(t.dataSource, { tags })];
      await aUser(t.dataSource, { tags, isTest: true });
      await aUser(t.dataSource, { tags, status: 'blocked' });
      await aUser(t.dataSource, { tags: ['other'] });
      const segment = await t.dataSource.getRepository(Segment).save({
        name: 'VIP для теста',
        filter: { all: [{ field: 'tags', op: 'any', value: tags }] },
        isSystem: false,
      });
      const started = await api()
        .post('/api/v1/users/bulk/discounts')
        .set(auth)
        .send({ templateId: 3, segmentId: segment.id });
      expect(started.status).toBe(202);
      const job = await eventually(async () => {
        const response = await api().get(`/api/v1/jobs/${started.body.jobId}`).set(auth);
        return response.body.state === 'completed' ? response.body : null;
      }, 10_000);
      expect(job.result).toEqual({ total: 2, issued: 2, skipped: 0, failed: 0 });
      const rows = await discounts().findBy({ periodKey: started.body.jobId });
      expect(rows.map((r) => r.userId).sort()).toEqual(vips.map((u) => u.id).sort());
      const unknown = await api()
        .post('/api/v1/users/bulk/discounts')
        .set(auth)
        .send({ templateId: 3, segmentId: 9999 });
      expect(unknown.body.error.code).toBe('SEGMENT_NOT_FOUND');
    });

    it('refuses a bad request before starting a job', async () => {
      const shared = await aDiscountTemplate(t.dataSource, { usage: 'shared' });
      const cases: Array<[object, string]> = [
        [{ templateId: 3 }, 'VALIDATION_FAILED'],
        [{ templateId: 3, userIds: [1], segmentId: 1 }, 'VALIDATION_FAILED'],
        [{ templateId: 3, userIds: [] }, 'VALIDATION_FAILED'],
        [{ templateId: 9999, userIds: [1] }, 'TEMPLATE_NOT_FOUND'],
        [{ templateId: shared.id, userIds: [1] }, 'VALIDATION_FAILED'],
      ];
      for (const [body, code] of cases) {
        const response = await api().post('/api/v1/users/bulk/discounts').set(auth).send(body);
        expect({ body, code: response.body.error?.code }).toEqual({ body, code });
      }
    });
  });

  describe('admin redeem, revoke, lists', () => {
    it('redeems through the admin channel by the same rules', async () => {
      const user = await aUser(t.dataSource, { firstName: 'Вера' });
      const code = await aDiscount(t.dataSource, user, { code: 'ADM1NR3D' });
      const redeemed = await api()
        .post('/api/v1/discounts/adm1nr3d/redeem')
        .set(auth)
        .send({ purchaseAmount: 10_000 });
      expect(redeemed.status).toBe(200);
      expect(redeemed.body).toMatchObject({
        redeemed: true,
        discountAmount: 1_000,
        client: { firstName: 'Вера' },
      });
      const again = await api().post('/api/v1/discounts/ADM1NR3D/redeem').set(auth).send({});
      expect(again.body.error).toMatchObject({
        code: 'CODE_ALREADY_USED',
        details: { usedAt: redeemed.body.usedAt },
      });
      const rows = await t.dataSource.getRepository(DiscountUsageLog).findBy({ discountId: code.id });
      expect(rows.find((r) => r.action === 'redeemed')).toMatchObject({ channel: 'admin', userId: user.id });
      const audit = await eventually(() =>
        t.dataSource
          .getRepository(AuditLog)
          .findOneBy({ action: 'discount.redeemed', entityId: String(code.id) }),
      );
      expect(audit).toMatchObject({ actorType: 'admin', actorId: String(marketing.admin.id) });
    });

    it('revokes a usable code (again: unchanged), refuses used and expired ones', async () => {
      const user = await aUser(t.dataSource);
      await aDiscount(t.dataSource, user, { code: 'RVKM3N0W' });
      await aDiscount(t.dataSource, user, { code: 'RVKUS3D2', status: 'used', usedAt: new Date() });
      await aDiscount(t.dataSource, user, { code: 'RVK3XP22', expiresAt: new Date(Date.now() - 1000) });
      const revoked = await api()
        .post('/api/v1/discounts/RVKM3N0W/revoke')
        .set(auth)
        .send({ note: 'по ошибке' });
      expect(revoked.status).toBe(200);
      expect(revoked.body.status).toBe('revoked');
      expect((await api().post('/api/v1/discounts/RVKM3N0W/revoke').set(auth).send({})).body.status).toBe(
        'revoked',
      );
      expect((await api().post('/api/v1/discounts/RVKUS3D2/revoke').set(auth).send({})).body.error.code).toBe(
        'CODE_ALREADY_USED',
      );
      expect((await api().post('/api/v1/discounts/RVK3XP22/revoke').set(auth).send({})).body.error.code).toBe(
        'CODE_EXPIRED',
      );
      expect((await api().post('/api/v1/discounts/NOSUCH22/revoke').set(auth).send({})).status).toBe(404);
      const redeem = await api().post('/api/v1/discounts/RVKM3N0W/redeem').set(auth).send({});
      expect(redeem.body.error.code).toBe('CODE_REVOKED');
      const audit = await eventually(() =>
        t.dataSource.getRepository(AuditLog).findBy({ action: 'discount.revoked' }),
      );
      expect(audit).toHaveLength(1);
    });

    it('lists codes with status as of now, filters and pages; gets one by a typed code', async () => {
      const user = await aUser(t.dataSource, { firstName: 'Глеб' });
      const soon = new Date(Date.now() + 60_000);
      const live = await aDiscount(t.dataSource, user, { code: 'L1STL1VE', expiresAt: soon });
      const used = await aDiscount(t.dataSource, user, {
        code: 'L1STUS3D',
        status: 'used',
        reason: 'birthday',
      });
      const filter = (q: string) => api().get(`/api/v1/discounts?userId=${user.id}&${q}`).set(auth);

      expect((await filter('status=active')).body.items.map((d: Discount) => d.id)).toEqual([live.id]);
      t.clock.set(new Date(soon.getTime() + 1));
      const now = await filter('status=expired');
      expect(now.body.items).toMatchObject([{ id: live.id, status: 'expired' }]);
      expect((await filter('status=active')).body.total).toBe(0);
      expect((await filter('reason=birthday')).body.items.map((d: Discount) => d.id)).toEqual([used.id]);
      expect((await filter('templateId=1&sort=id&limit=1')).body).toMatchObject({
        total: 2,
        limit: 1,
        items: [{ id: live.id }],
      });
      const future = new Date(Date.now() + DAY).toISOString();
      expect((await filter(`issuedFrom=${future}`)).body.total).toBe(0);
      expect((await filter(`issuedTo=${future}`)).body.total).toBe(2);
      expect((await filter('status=nonsense')).body.error.code).toBe('VALIDATION_FAILED');

      const one = await api().get('/api/v1/discounts/l1st-l1ve').set(auth);
      expect(one.body).toMatchObject({
        code: 'L1STL1VE',
        status: 'expired',
        template: { templateName: 'Подарок за подписку', isActive: true },
        client: { userId: user.id, firstName: 'Глеб' },
      });
      expect((await api().get('/api/v1/discounts/NOSUCH22').set(auth)).body.error.code).toBe(
        'DISCOUNT_NOT_FOUND',
      );
    });

    it('lists the usage log with filters', async () => {
      const user = await aUser(t.dataSource);
      await aDiscount(t.dataSource, user, { code: 'US4G3L0G' });
      const pos = request(t.url)
        .post('/internal/v1/discounts/redeem')
        .set('X-API-Key', 'pos-test-key-0123456789abcdef');
      await pos.send({ code: 'US4G3L0G', terminalId: 'till-9', idempotencyKey: 'usage-1' });
      await api().post('/api/v1/discounts/US4G3L0G/redeem').set(auth).send({});

      const all = await api().get('/api/v1/discounts/usage?code=us4g3l0g').set(auth);
      expect(all.body.total).toBe(2);
      expect(all.body.items).toMatchObject([
        { code: 'US4G3L0G', channel: 'admin', action: 'rejected', rejectCode: 'CODE_ALREADY_USED' },
        {
          code: 'US4G3L0G',
          channel: 'pos',
          action: 'redeemed',
          terminalId: 'till-9',
          idempotencyKey: 'usage-1',
        },
      ]);
      expect(all.body.items[0]).not.toHaveProperty('response');
      const pos9 = await api()
        .get('/api/v1/discounts/usage?channel=pos&action=redeemed&terminalId=till-9')
        .set(auth);
      expect(pos9.body.items.map((u: { code: string }) => u.code)).toEqual(['US4G3L0G']);
      expect(
        (await api().get(`/api/v1/discounts/usage?userId=${user.id}&limit=1`).set(auth)).body,
      ).toMatchObject({
        total: 2,
        limit: 1,
      });
    });
  });
});
