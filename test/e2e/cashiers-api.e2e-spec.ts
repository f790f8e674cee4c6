import request from 'supertest';
import { AuditLog } from '../../src/modules/audit/persistence/audit-log.entity';
import { Admin } from '../../src/modules/staff/persistence/admin.entity';
import { Cashier } from '../../src/modules/staff/persistence/cashier.entity';
import { loginAs } from '../support/auth';
import { aCashier } from '../support/factories';
import { TelegramEmulator } from '../support/telegram-emulator/telegram-emulator';
import { createTestApp, eventually, TestApp } from '../support/test-app';

type Auth = { Authorization: string };

describe('cashiers API', () => {
  let emulator: TelegramEmulator;
  let t: TestApp;
  let owner: { admin: Admin; auth: Auth };
  let secondOwner: { admin: Admin; auth: Auth };
  let marketing: Auth;
  let readonly: Auth;

  const cashiers = () => t.dataSource.getRepository(Cashier);
  const post = (path: string, auth?: Auth) =>
    request(t.url)
      .post(`/api/v1/cashiers${path}`)
      .set(auth ?? {});
  const list = (query: Record<string, string | number>, auth: Auth = readonly) =>
    request(t.url).get('/api/v1/cashiers').query(query).set(auth);
  const toldCashier = (telegramId: number, text: RegExp) =>
    emulator.waitFor(
      (call) =>
        call.token === t.config.staffBotToken &&
        call.method === 'sendMessage' &&
        call.chatId === telegramId &&
        text.test(String(call.params.text)),
    );
  const auditRows = (action: string, cashierId: number) =>
    t.dataSource
      .getRepository(AuditLog)
      .findBy({ action, entityType: 'cashier', entityId: String(cashierId) });

  beforeAll(async () => {
    emulator = await TelegramEmulator.start();
    // worker: the outbox's consumers tell the cashier and the owners
    t = await createTestApp({
      webhooks: true,
      env: { TELEGRAM_API_ROOT: emulator.apiRoot, APP_ROLES: 'api,bots,worker' },
    });
    owner = await loginAs(t, 'owner');
    secondOwner = await loginAs(t, 'owner');
    marketing = (await loginAs(t, 'marketing')).auth;
    readonly = (await loginAs(t, 'readonly')).auth;
  });
  afterAll(async () => {
    await t.close();
    await emulator.stop();
  });

  describe('list', () => {
    beforeAll(async () => {
      const at = (minutes: number) => new Date(Date.UTC(2026, 10, 1, 9, minutes));
      await aCashier(t.dataSource, { fullName: 'Иванова Анна', status: 'pending', createdAt: at(1) });
      await aCashier(t.dataSource, { fullName: 'Иванов Пётр', status: 'approved', createdAt: at(2) });
      await aCashier(t.dataSource, { fullName: 'Сидорова Мария', status: 'rejected', createdAt: at(3) });
      await aCashier(t.dataSource, { fullName: 'Петров Иван', status: 'revoked', createdAt: at(4) });
      await aCashier(t.dataSource, { fullName: 'Кузнецова Ольга', status: 'pending', createdAt: at(5) });
    });

    it('shows any admin a page of cashiers, newest first, in camelCase', async () => {
      const response = await list({});

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ total: 5, page: 1, limit: 20 });
      expect(response.body.items.map((c: Cashier) => c.fullName)).toEqual([
        'Кузнецова Ольга',
        'Петров Иван',
        'Сидорова Мария',
        'Иванов Пётр',
        'Иванова Анна',
      ]);
      expect(Object.keys(response.body.items[0]).sort()).toEqual([
        'createdAt',
        'decidedAt',
        'decidedByAdminId',
        'fullName',
        'id',
        'status',
        'telegramId',
        'updatedAt',
      ]);
      expect(response.body.items[0]).toMatchObject({ status: 'pending', telegramId: expect.any(Number) });
    });

    it('filters by status and by part of the name in any case', async () => {
      const names = async (query: Record<string, string | number>) =>
        (await list(query)).body.items.map((c: Cashier) => c.fullName).sort();

      expect(await names({ status: 'pending' })).toEqual(['Иванова Анна', 'Кузнецова Ольга']);
      expect(await names({ q: 'иван' })).toEqual(['Иванов Пётр', 'Иванова Анна', 'Петров Иван']);
      expect(await names({ q: 'ИВАН', status: 'approved' })).toEqual(['Иванов Пётр']);
      expect(await names({ q: '%' })).toEqual([]);
      expect(await names({ q: 'Иван_в' })).toEqual([]); // `_` is a character here, not a LIKE wildcard
    });

    it('pages and sorts', async () => {
      const response = await list({ sort: 'fullName', limit: 2, page: 2 });

      expect(response.body).toMatchObject({ total: 5, page: 2, limit: 2 });
      expect(response.body.items.map((c: Cashier) => c.fullName)).toEqual(['Кузнецова Ольга', 'Петров Иван']);
      const last = await list({ sort: '-fullName', limit: 1 });
      expect(last.body.items.map((c: Cashier) => c.fullName)).toEqual(['Сидорова Мария']);
    });

    it('refuses a bad filter with VALIDATION_FAILED and a caller without a token with AUTH_REQUIRED', async () => {
      const bad: Array<Record<string, string | number>> = [
        { status: 'fired' },
        { limit: 0 },
        { limit: 101 },
        { q: 'x'.repeat(129) },
      ];
      for (const query of bad) {
        const response = await list(query);
        expect(response.status).toBe(400);
        expect(response.body.error.code).toBe('VALIDATION_FAILED');
      }
      const anonymous = await request(t.url).get('/api/v1/cashiers');
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error.code).toBe('AUTH_REQUIRED');
    });
  });

  it('approves an application; the cashier is told in the staff bot; it is audited; the first decision stands', async () => {
    const cashier = await aCashier(t.dataSource, { fullName: 'Новикова Нина' });

    const approved = await post(`/${cashier.id}/approve`, owner.auth);

    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      id: cashier.id,
      status: 'approved',
      decidedByAdminId: owner.admin.id,
      decidedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    await toldCashier(cashier.telegramId, /Ваша заявка одобрена/);
    await eventually(async () => (await auditRows('cashier.approved', cashier.id)).length === 1);
    expect((await auditRows('cashier.approved', cashier.id))[0]).toMatchObject({
      actorType: 'admin',
      actorId: String(owner.admin.id),
      changes: { before: { status: 'pending' }, after: { status: 'approved' } },
    });

    for (const decision of ['approve', 'reject']) {
      const late = await post(`/${cashier.id}/${decision}`, secondOwner.auth);
      expect(late.status).toBe(409);
      expect(late.body.error).toMatchObject({
        code: 'CASHIER_ALREADY_DECIDED',
        details: { status: 'approved' },
      });
    }
    expect(await cashiers().findOneByOrFail({ id: cashier.id })).toMatchObject({
      status: 'approved',
      decidedByAdminId: owner.admin.id,
    });
  });

  it('lets exactly one of several simultaneous decisions through', async () => {
    const cashier = await aCashier(t.dataSource, { fullName: 'Орлова Ольга' });

    const answers = await Promise.all(
      [owner, secondOwner, owner, secondOwner, owner, secondOwner].map((who, i) =>
        post(`/${cashier.id}/${i % 2 === 0 ? 'approve' : 'reject'}`, who.auth),
      ),
    );

    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409]);
    const winner = answers.find((answer) => answer.status === 200)?.body;
    expect((await cashiers().findOneByOrFail({ id: cashier.id })).status).toBe(winner.status);
    await toldCashier(cashier.telegramId, /заявка.*(одобрена|отклонена)/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const audited = [
      ...(await auditRows('cashier.approved', cashier.id)),
      ...(await auditRows('cashier.rejected', cashier.id)),
    ];
    expect(audited).toHaveLength(1);
  });

  it('rejects an application; the applicant is told', async () => {
    const cashier = await aCashier(t.dataSource, { fullName: 'Руднев Роман' });

    const rejected = await post(`/${cashier.id}/reject`, owner.auth);

    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', decidedByAdminId: owner.admin.id });
    await toldCashier(cashier.telegramId, /заявка кассира отклонена/);
    await eventually(async () => (await auditRows('cashier.rejected', cashier.id)).length === 1);
    const revoke = await post(`/${cashier.id}/revoke`, owner.auth);
    expect(revoke.status).toBe(409);
    expect(revoke.body.error.code).toBe('CASHIER_ALREADY_DECIDED');
  });

  it('revokes an approved cashier, who loses access in the staff bot at once', async () => {
    const cashier = await aCashier(t.dataSource, { fullName: 'Соколова Софья', status: 'approved' });
    const sofya = { id: cashier.telegramId, first_name: 'Софья' };
    await emulator.sendText(t.config.staffBotToken, sofya, 'ABCD2345');
    expect(emulator.lastMessageTo(sofya.id)?.text).toContain('Код не найден');

    const revoked = await post(`/${cashier.id}/revoke`, owner.auth);

    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({
      id: cashier.id,
      status: 'revoked',
      decidedByAdminId: owner.admin.id,
    });
    await emulator.sendText(t.config.staffBotToken, sofya, 'ABCD2345');
    expect(emulator.lastMessageTo(sofya.id)?.text).toBe(
      'Ваш доступ кассира отозван владельцем магазина. Если это ошибка, обратитесь к нему.',
    );
    await toldCashier(sofya.id, /доступ кассира отозван/);
    await eventually(async () => (await auditRows('cashier.revoked', cashier.id)).length === 1);
    expect((await auditRows('cashier.revoked', cashier.id))[0].changes).toEqual({
      before: { status: 'approved' },
      after: { status: 'revoked' },
    });

    const again = await post(`/${cashier.id}/revoke`, owner.auth);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: 'CASHIER_ALREADY_DECIDED',
      details: { status: 'revoked' },
    });
  });

  it('revokes a pending application too', async () => {
    const cashier = await aCashier(t.dataSource, { fullName: 'Тихонов Тимур' });

    const revoked = await post(`/${cashier.id}/revoke`, owner.auth);

    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('revoked');
    const approve = await post(`/${cashier.id}/approve`, owner.auth);
    expect(approve.status).toBe(409);
  });

  it('lets only owners decide, and answers an unknown or malformed id', async () => {
    const cashier = await aCashier(t.dataSource, { fullName: 'Ульянова Ульяна' });

    for (const auth of [marketing, readonly]) {
      for (const action of ['approve', 'reject', 'revoke']) {
        const response = await post(`/${cashier.id}/${action}`, auth);
        expect(response.status).toBe(403);
        expect(response.body.error.code).toBe('FORBIDDEN_ROLE');
      }
    }
    expect((await post(`/${cashier.id}/approve`)).status).toBe(401);
    expect((await cashiers().findOneByOrFail({ id: cashier.id })).status).toBe('pending');

    const unknown = await post('/999999/approve', owner.auth);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('CASHIER_NOT_FOUND');
    expect((await post('/999999/revoke', owner.auth)).body.error.code).toBe('CASHIER_NOT_FOUND');
    const malformed = await post('/abc/approve', owner.auth);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('documents the cashier routes in Swagger and keeps the webhooks out of it', async () => {
    const document = await request(t.url).get('/docs-json');

    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/cashiers',
        '/api/v1/cashiers/{id}/approve',
        '/api/v1/cashiers/{id}/reject',
        '/api/v1/cashiers/{id}/revoke',
      ]),
    );
    expect(Object.keys(document.body.paths).filter((path) => path.startsWith('/telegram'))).toEqual([]);
    expect(document.body.paths['/api/v1/cashiers/{id}/approve'].post['x-roles']).toEqual(['owner']);
  });
});
