import request from 'supertest';
import { AuditLog } from '../../src/modules/audit/persistence/audit-log.entity';
import { IssueDiscountCommand } from '../../src/modules/codes/commands/issue-discount.command';
import { DiscountUsageLog } from '../../src/modules/codes/persistence/discount-usage-log.entity';
import { Discount } from '../../src/modules/codes/persistence/discount.entity';
import { loginAs } from '../support/auth';
import { aDiscount, aDiscountTemplate, aUser } from '../support/factories';
import { createTestApp, eventually, TestApp } from '../support/test-app';
import { liftPosLimits } from '../support/pos-limits';

const POS_KEY = { 'X-API-Key': 'pos-test-key-0123456789abcdef' };
let keys = 0;
const newKey = () => `key-${Date.now()}-${++keys}`;

describe('POS API: validate and redeem, exactly once', () => {
  let t: TestApp;
  const pos = {
    validate: (body: object) =>
      request(t.url).post('/internal/v1/discounts/validate').set(POS_KEY).send(body),
    redeem: (body: object) =>
      request(t.url)
        .post('/internal/v1/discounts/redeem')
        .set(POS_KEY)
        .send({ terminalId: 'till-1', idempotencyKey: newKey(), ...body }),
  };
  const usageOf = (discountId: number) => t.dataSource.getRepository(DiscountUsageLog).findBy({ discountId });
  const reload = (id: number) => t.dataSource.getRepository(Discount).findOneByOrFail({ id });

  beforeAll(async () => {
    t = await createTestApp({ env: { APP_ROLES: 'api' } });
    await liftPosLimits(t);
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t.close());

  it('validates a code: worth, description, client, expiry and the amount off a purchase; logs the check', async () => {
    const anna = await aUser(t.dataSource, { firstName: 'Анна' });
    const expiresAt = new Date(Date.now() + 7 * 86_400_000);
    const code = await aDiscount(t.dataSource, anna, { code: 'K7M2QX9A', expiresAt });

    const response = await pos.validate({ code: ' k7m2-qx9a ', purchaseAmount: 123_456 });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      valid: true,
      code: 'K7M2QX9A',
      kind: 'percent',
      value: 10,
      valueText: '10\u00A0%',
      templateName: 'Подарок за подписку',
      description: expect.stringContaining('подписались'),
      client: { userId: anna.id, firstName: 'Анна' },
      expiresAt: expiresAt.toISOString(),
      status: 'active',
      purchaseAmount: 123_456,
      discountAmount: 12_345, // 12 345.6 rounds down
    });
    expect((await reload(code.id)).status).toBe('active');
    const rows = await eventually(async () => {
      const found = await usageOf(code.id);
      return found.length > 0 ? found : null;
    });
    expect(rows).toMatchObject([
      { action: 'validated', channel: 'pos', userId: anna.id, discountAmount: 12_345 },
    ]);
  });

  it('redeems once; a second redemption says CODE_ALREADY_USED with the time of the first', async () => {
    const user = await aUser(t.dataSource, { firstName: 'Борис' });
    const code = await aDiscount(t.dataSource, user, { code: 'R3DM4Y8Q' });
    const before = Date.now();

    const first = await pos.redeem({
      code: 'r3dm4y8q',
      purchaseAmount: 250_000,
      idempotencyKey: 'first-one',
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      redeemed: true,
      redemptionId: expect.any(Number),
      code: 'R3DM4Y8Q',
      client: { userId: user.id, firstName: 'Борис' },
      purchaseAmount: 250_000,
      discountAmount: 25_000,
      redemptionCount: 1,
    });
    const usedAt = first.body.usedAt as string;
    expect(Date.parse(usedAt)).toBeGreaterThanOrEqual(before);
    expect(await reload(code.id)).toMatchObject({
      status: 'used',
      redemptionCount: 1,
      usedAt: new Date(usedAt),
    });

    t.clock.advance(60_000);
    const second = await pos.redeem({ code: 'R3DM4Y8Q' });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: 'CODE_ALREADY_USED', details: { usedAt } });
    const check = await pos.validate({ code: 'R3DM4Y8Q' });
    expect(check.body.error).toMatchObject({ code: 'CODE_ALREADY_USED', details: { usedAt } });

    const rows = await usageOf(code.id);
    expect(rows.filter((r) => r.action === 'redeemed')).toMatchObject([
      { channel: 'pos', terminalId: 'till-1', idempotencyKey: 'first-one', purchaseAmount: 250_000 },
    ]);
    expect(rows.filter((r) => r.action === 'rejected')[0]).toMatchObject({ rejectCode: 'CODE_ALREADY_USED' });
    const audit = await eventually(() =>
      t.dataSource
        .getRepository(AuditLog)
        .findOneBy({ action: 'discount.redeemed', entityId: String(code.id) }),
    );
    expect(audit).toMatchObject({ actorType: 'pos', actorId: 'till-1' });
  });

  it('reads a code past expires_at as expired at once, before the hourly job marks it', async () => {
    const user = await aUser(t.dataSource);
    const expiresAt = new Date(Date.now() + 3_600_000);
    const code = await aDiscount(t.dataSource, user, { code: 'XP7RD4N2', expiresAt });
    expect((await pos.validate({ code: 'XP7RD4N2' })).status).toBe(200);

    t.clock.set(new Date(expiresAt.getTime() + 1));
    for (const response of [
      await pos.validate({ code: 'XP7RD4N2' }),
      await pos.redeem({ code: 'XP7RD4N2' }),
    ]) {
      expect(response.status).toBe(422);
      expect(response.body.error).toMatchObject({
        code: 'CODE_EXPIRED',
        details: { expiresAt: expiresAt.toISOString() },
      });
    }
    expect((await reload(code.id)).status).toBe('active'); // not marked yet, read as expired anyway
  });

  it('refuses revoked, not-yet-valid, switched-off and unknown codes with their reasons', async () => {
    const user = await aUser(t.dataSource);
    await aDiscount(t.dataSource, user, { code: 'RVK2D3CE', status: 'revoked' });
    await aDiscount(t.dataSource, user, { code: 'NYV4L3D2', validFrom: new Date(Date.now() + 86_400_000) });
    const off = await aDiscountTemplate(t.dataSource, { isActive: false });
    await aDiscount(t.dataSource, user, { code: 'TPL0FF22', templateId: off.id });

    const cases: Array<[string, number, string]> = [
      ['RVK2D3CE', 422, 'CODE_REVOKED'],
      ['NYV4L3D2', 422, 'CODE_NOT_YET_VALID'],
      ['TPL0FF22', 422, 'TEMPLATE_INACTIVE'],
      ['NOSUCH22', 404, 'DISCOUNT_NOT_FOUND'],
    ];
    for (const [code, status, reason] of cases) {
      for (const response of [await pos.validate({ code }), await pos.redeem({ code })]) {
        expect({ code, status: response.status, reason: response.body.error?.code }).toEqual({
          code,
          status,
          reason,
        });
      }
    }
  });

  it('checks the minimum purchase and caps a fixed amount at the purchase', async () => {
    const user = await aUser(t.dataSource);
    const template = await aDiscountTemplate(t.dataSource, {
      kind: 'fixed',
      value: 50_000,
      minPurchase: 150_000,
    });
    await aDiscount(t.dataSource, user, {
      code: 'M1NPRCH2',
      templateId: template.id,
      kind: 'fixed',
      value: 50_000,
    });

    const low = await pos.redeem({ code: 'M1NPRCH2', purchaseAmount: 149_999 });
    expect(low.status).toBe(422);
    expect(low.body.error).toMatchObject({
      code: 'MIN_PURCHASE_NOT_MET',
      details: { minPurchase: 150_000, purchaseAmount: 149_999 },
    });
    // the till knows the purchase: a code with a minimum needs it (the code stays unused)
    const blind = await pos.redeem({ code: 'M1NPRCH2' });
    expect(blind.status).toBe(400);
    expect(blind.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { minPurchase: 150_000, fields: [expect.objectContaining({ field: 'purchaseAmount' })] },
    });
    const ok = await pos.redeem({ code: 'M1NPRCH2', purchaseAmount: 150_000 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ valueText: '500\u00A0₽', minPurchase: 150_000, discountAmount: 50_000 });
  });

  describe('shared codes: each client once, up to the limit', () => {
    it('counts per client and stops at max_redemptions', async () => {
      const { auth } = await loginAs(t, 'marketing');
      const template = await aDiscountTemplate(t.dataSource, {
        usage: 'shared',
        maxRedemptions: 2,
        validDays: null,
      });
      const issued = await request(t.url)
        .post('/api/v1/discounts')
        .set(auth)
        .send({ templateId: template.id });
      expect(issued.status).toBe(201);
      expect(issued.body).toMatchObject({ userId: null, maxRedemptions: 2, redemptionCount: 0 });
      const code = issued.body.code as string;
      const [a, b, c] = [await aUser(t.dataSource), await aUser(t.dataSource), await aUser(t.dataSource)];

      // a deleted (anonymised) client is nobody to redeem for
      const gone = await aUser(t.dataSource, { status: 'deleted', telegramId: null });
      expect((await pos.redeem({ code, clientUserId: gone.id })).body.error.code).toBe('USER_NOT_FOUND');

      const anonymous = await pos.redeem({ code });
      expect(anonymous.body.error).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(anonymous.body.error.details.fields[0].field).toBe('clientUserId');

      const first = await pos.redeem({ code, clientUserId: a.id });
      expect(first.body).toMatchObject({ shared: true, client: { userId: a.id }, redemptionCount: 1 });
      const again = await pos.redeem({ code, clientUserId: a.id });
      expect(again.body.error).toMatchObject({
        code: 'CODE_ALREADY_USED',
        details: { usedAt: first.body.usedAt },
      });
      expect((await pos.validate({ code, clientUserId: a.id })).body.error.code).toBe('CODE_ALREADY_USED');
      expect((await pos.validate({ code, clientUserId: b.id })).body.valid).toBe(true);

      expect((await pos.redeem({ code, clientUserId: b.id })).body).toMatchObject({ redemptionCount: 2 });
      const full = await pos.redeem({ code, clientUserId: c.id });
      expect(full.status).toBe(409);
      expect(full.body.error).toMatchObject({ code: 'CODE_LIMIT_REACHED', details: { maxRedemptions: 2 } });
      expect(await reload(issued.body.id)).toMatchObject({ status: 'used', redemptionCount: 2 });
      expect((await pos.redeem({ code, clientUserId: 999_999 })).body.error.code).toBe('USER_NOT_FOUND');
    });

    it('under a rush: 30 clients at once on a limit of 10 => 10; one client 10 times at once => 1', async () => {
      const template = await aDiscountTemplate(t.dataSource, { usage: 'shared', maxRedemptions: 10 });
      const { discount } = await t.commands.execute(
        new IssueDiscountCommand({
          userId: null,
          templateId: template.id,
          reason: 'manual',
        }),
      );
      const clients = await Promise.all(Array.from({ length: 30 }, () => aUser(t.dataSource)));
      const rush = await Promise.all(
        clients.map((c) => pos.redeem({ code: discount.code, clientUserId: c.id })),
      );
      expect(rush.filter((r) => r.status === 200)).toHaveLength(10);
      expect(new Set(rush.filter((r) => r.status !== 200).map((r) => r.body.error.code))).toEqual(
        new Set(['CODE_LIMIT_REACHED']),
      );
      expect(await reload(discount.id)).toMatchObject({ redemptionCount: 10, status: 'used' });

      const unlimited = await aDiscountTemplate(t.dataSource, { usage: 'shared', maxRedemptions: null });
      const other = await t.commands.execute(
        new IssueDiscountCommand({
          userId: null,
          templateId: unlimited.id,
          reason: 'manual',
        }),
      );
      const one = clients[0];
      const same = await Promise.all(
        Array.from({ length: 10 }, () => pos.redeem({ code: other.discount.code, clientUserId: one.id })),
      );
      expect(same.filter((r) => r.status === 200)).toHaveLength(1);
      expect(
        same.filter((r) => r.status === 409).every((r) => r.body.error.code === 'CODE_ALREADY_USED'),
      ).toBe(true);
      expect((await reload(other.discount.id)).redemptionCount).toBe(1);
    });
  });

  describe('idempotency', () => {
    it('answers a retry with the first answer, byte for byte, and never redeems twice', async () => {
      const user = await aUser(t.dataSource);
      const code = await aDiscount(t.dataSource, user, { code: 'IDM2P3T4' });
      const body = { code: 'IDM2P3T4', purchaseAmount: 99_900, idempotencyKey: 'till-1-receipt-0042' };
      const first = await pos.redeem(body);
      t.clock.advance(120_000);
      const retry = await pos.redeem(body);
      expect(first.status).toBe(200);
      expect(retry.status).toBe(200);
      expect(retry.text).toBe(first.text);
      expect((await usageOf(code.id)).filter((r) => r.action === 'redeemed')).toHaveLength(1);
      expect((await reload(code.id)).redemptionCount).toBe(1);
    });

    it('keeps a first refusal too: the retry gets it even after the code became redeemable', async () => {
      const user = await aUser(t.dataSource);
      await aDiscount(t.dataSource, user, { code: 'LATE2345', validFrom: new Date(Date.now() + 60_000) });
      const body = { code: 'LATE2345', idempotencyKey: 'too-early' };
      const first = await pos.redeem(body);
      expect(first.body.error.code).toBe('CODE_NOT_YET_VALID');
      t.clock.advance(120_000);
      const retry = await pos.redeem(body);
      expect(retry.status).toBe(first.status);
      expect(retry.text).toBe(first.text);
      expect((await pos.redeem({ code: 'LATE2345' })).status).toBe(200); // a new key is a new attempt
    });

    it('refuses the same key for another code, amount or terminal: IDEMPOTENCY_CONFLICT', async () => {
      const user = await aUser(t.dataSource);
      await aDiscount(t.dataSource, user, { code: 'C0NFL1CA' });
      const other = await aDiscount(t.dataSource, user, { code: 'C0NFL1CB' });
      expect(
        (await pos.redeem({ code: 'C0NFL1CA', idempotencyKey: 'shared-key', purchaseAmount: 100 })).status,
      ).toBe(200);
      for (const body of [
        { code: 'C0NFL1CB' },
        { code: 'C0NFL1CA', purchaseAmount: 200 },
        { code: 'C0NFL1CA', purchaseAmount: 100, terminalId: 'till-2' },
      ]) {
        const response = await pos.redeem({ idempotencyKey: 'shared-key', ...body });
        expect(response.status).toBe(409);
        expect(response.body.error).toMatchObject({
          code: 'IDEMPOTENCY_CONFLICT',
          details: { firstRequest: { code: 'C0NFL1CA', purchaseAmount: 100 } },
        });
      }
      expect((await reload(other.id)).status).toBe('active');
    });

    it('20 identical requests at once: one redemption, twenty identical answers', async () => {
      const user = await aUser(t.dataSource);
      const code = await aDiscount(t.dataSource, user, { code: 'SAME2K3Y' });
      const body = { code: 'SAME2K3Y', purchaseAmount: 50_000, idempotencyKey: 'burst-key' };
      const answers = await Promise.all(Array.from({ length: 20 }, () => pos.redeem(body)));
      expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
      expect(new Set(answers.map((a) => a.text)).size).toBe(1);
      const rows = await usageOf(code.id);
      expect(rows.filter((r) => r.action === 'redeemed')).toHaveLength(1);
      expect(rows.filter((r) => r.idempotencyKey === 'burst-key')).toHaveLength(1);
      expect((await reload(code.id)).redemptionCount).toBe(1);
    });
  });

  it('50 redemptions of one code at once with different keys: exactly one succeeds', async () => {
    const user = await aUser(t.dataSource);
    const code = await aDiscount(t.dataSource, user, { code: 'RACE5050' });
    const answers = await Promise.all(Array.from({ length: 50 }, () => pos.redeem({ code: 'RACE5050' })));
    const wins = answers.filter((a) => a.status === 200);
    expect(wins).toHaveLength(1);
    const losses = answers.filter((a) => a.status !== 200);
    expect(losses.every((a) => a.status === 409 && a.body.error.code === 'CODE_ALREADY_USED')).toBe(true);
    expect(losses.every((a) => a.body.error.details.usedAt === wins[0].body.usedAt)).toBe(true);
    expect(await reload(code.id)).toMatchObject({ status: 'used', redemptionCount: 1 });
    const rows = await usageOf(code.id);
    expect(rows.filter((r) => r.action === 'redeemed')).toHaveLength(1);
    expect(rows.filter((r) => r.action === 'rejected')).toHaveLength(49);
  });

  it('answers VALIDATION_FAILED for a redemption without terminal or key', async () => {
    const response = await request(t.url)
      .post('/internal/v1/discounts/redeem')
      .set(POS_KEY)
      .send({ code: 'ABCDEFGH', purchase_amount: 100 });
    expect(response.status).toBe(400);
    expect(response.body.error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'idempotencyKey',
      'purchase_amount',
      'terminalId',
    ]);
  });

  it('counts issued and redeemed codes in /metrics, leaving test data out', async () => {
    const metric = async (pattern: RegExp) =>
      Number(pattern.exec((await request(t.url).get('/metrics')).text)?.[1] ?? 0);
    const issued = /dvorik_codes_issued_total\{reason="manual"\} (\d+)/;
    const redeemed = /dvorik_redemptions_total\{channel="pos",reason="manual"\} (\d+)/;
    const [issuedBefore, redeemedBefore] = [await metric(issued), await metric(redeemed)];
    const { auth } = await loginAs(t, 'marketing');
    const client = await aUser(t.dataSource);
    const tester = await aUser(t.dataSource, { isTest: true });
    const real = await request(t.url)
      .post('/api/v1/discounts')
      .set(auth)
      .send({ userId: client.id, templateId: 3 });
    const test = await request(t.url)
      .post('/api/v1/discounts')
      .set(auth)
      .send({ userId: tester.id, templateId: 3 });
    expect((await pos.redeem({ code: real.body.code })).status).toBe(200);
    expect((await pos.redeem({ code: test.body.code })).status).toBe(200);
    expect(await metric(issued)).toBe(issuedBefore + 1);
    expect(await metric(redeemed)).toBe(redeemedBefore + 1);
  });
});
