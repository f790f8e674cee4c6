import { createConnection } from 'mysql2/promise';
import { MysqlQueryRunner } from 'typeorm/driver/mysql/MysqlQueryRunner';
import { StatementBatches } from '../../src/infrastructure/database/statement-batches';
import { RedeemDiscountCommand } from '../../src/modules/codes/commands/redeem-discount.command';
import { DomainError } from '../../src/common/errors/domain-error';
import { Discount } from '../../src/modules/codes/persistence/discount.entity';
import { aDiscount, aDiscountTemplate, aUser } from '../support/factories';
import { createTestApp, eventually, TestApp } from '../support/test-app';

/*
 * The redemption's one-round-trip transaction (RedemptionLedger): exactly once under a 200-way race, every
 * row written with the winning UPDATE and none with a losing one, the shared code's per-client rule under
 * its lock, and a deadlock victim retried from a fresh read.
 */
describe('a redemption in one batch', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { APP_ROLES: 'api' } });
  });
  afterAll(() => t.close());

  const redeem = (code: string, key: string, extra: { clientUserId?: number } = {}) =>
    t.commands.execute(
      new RedeemDiscountCommand({
        code,
        channel: 'pos',
        terminalId: 'till-9',
        idempotencyKey: key,
        ...extra,
      }),
    );
  const count = async (sql: string, values: unknown[]): Promise<number> =>
    Number(((await t.dataSource.query(sql, values)) as Array<{ n: number | string }>)[0].n);
  const rowsOf = async (discountId: number) => ({
    redeemed: await count(
      "SELECT COUNT(*) AS n FROM discount_usage_logs WHERE discount_id = ? AND action = 'redeemed'",
      [discountId],
    ),
    rejected: await count(
      "SELECT COUNT(*) AS n FROM discount_usage_logs WHERE discount_id = ? AND action = 'rejected'",
      [discountId],
    ),
    audited: await count(
      "SELECT COUNT(*) AS n FROM audit_logs WHERE action = 'discount.redeemed' AND entity_id = ?",
      [String(discountId)],
    ),
    facts: await count(
      "SELECT COUNT(*) AS n FROM outbox_events WHERE type = 'discount.redeemed' AND JSON_VALUE(payload, '$.redeemed.discountId') = ?",
      [discountId],
    ),
    deliveries: await count(
      `SELECT COUNT(*) AS n FROM outbox_deliveries d JOIN outbox_events e ON e.event_id = d.event_id
        WHERE e.type = 'discount.redeemed' AND JSON_VALUE(e.payload, '$.redeemed.discountId') = ?`,
      [discountId],
    ),
  });

  it('a personal code: two round trips to the database, the lookup and the batch', async () => {
    const code = await aDiscount(t.dataSource, await aUser(t.dataSource), { code: 'TW0TR1PS' });
    // Every statement TypeORM sends, and every batch of the redemption's own pool.
    const statements: string[] = [];
    const original = MysqlQueryRunner.prototype.query;
    MysqlQueryRunner.prototype.query = function (this: MysqlQueryRunner, ...args: unknown[]) {
      statements.push(String(args[0]).trim().split(/\s+/).slice(0, 3).join(' '));
      return (original as (...a: unknown[]) => Promise<never>).apply(this, args);
    } as typeof original;
    const batches = jest.spyOn(StatementBatches.prototype, 'run');
    try {
      await redeem(code.code, 'two-trips');
    } finally {
      MysqlQueryRunner.prototype.query = original;
    }
    expect(statements).toEqual(['SELECT d.id, d.code,']);
    expect(batches).toHaveBeenCalledTimes(1);
    batches.mockRestore();
  });

  it('200 redemptions of one code at once: one succeeds, with its rows; the 199 others write only their refusal', async () => {
    const code = await aDiscount(t.dataSource, await aUser(t.dataSource), { code: 'RACE2OO1' });
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) => redeem(code.code, `race-${i}`)),
    );
    const wins = results.filter((r) => r.status === 'fulfilled');
    expect(wins).toHaveLength(1);
    const losses = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(
      losses.every((r) => r.reason instanceof DomainError && r.reason.code === 'CODE_ALREADY_USED'),
    ).toBe(true);
    expect(await rowsOf(code.id)).toEqual({
      redeemed: 1,
      rejected: 199,
      audited: 1,
      facts: 1,
      deliveries: 2,
    });
    // The fact and the audit row carry the redemption's id: the usage row's, set by the batch.
    const win = (wins[0] as PromiseFulfilledResult<{ redemptionId: number; redemptionCount: number }>).value;
    expect(win.redemptionCount).toBe(1);
    const [fact] = (await t.dataSource.query(
      "SELECT JSON_VALUE(payload, '$.redeemed.redemptionId') AS id FROM outbox_events WHERE type = 'discount.redeemed' AND JSON_VALUE(payload, '$.redeemed.discountId') = ?",
      [code.id],
    )) as Array<{ id: string }>;
    const [audit] = (await t.dataSource.query(
      "SELECT JSON_VALUE(changes, '$.redemptionId') AS id FROM audit_logs WHERE action = 'discount.redeemed' AND entity_id = ?",
      [String(code.id)],
    )) as Array<{ id: string }>;
    expect([Number(fact.id), Number(audit.id)]).toEqual([win.redemptionId, win.redemptionId]);
  });

  it('a shared code: the count after each redemption, each client once, under the lock', async () => {
    const template = await aDiscountTemplate(t.dataSource, { usage: 'shared', maxRedemptions: 3 });
    const shared = await t.dataSource.getRepository(Discount).save(
      t.dataSource.getRepository(Discount).create({
        code: 'SHAR3D01',
        templateId: template.id,
        userId: null,
        kind: 'percent',
        value: 10,
        status: 'active',
        reason: 'manual',
        periodKey: null,
        validFrom: new Date(Date.now() - 60_000),
        expiresAt: null,
        redemptionCount: 0,
        maxRedemptions: 3,
        isTest: false,
      }),
    );
    const [ann, bob] = [await aUser(t.dataSource), await aUser(t.dataSource)];
    const first = await redeem(shared.code, 'shared-1', { clientUserId: ann.id });
    // Ann again, ten times at once: refused each time with the time of her redemption.
    const again = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => redeem(shared.code, `shared-ann-${i}`, { clientUserId: ann.id })),
    );
    expect(
      again.every((r) => r.status === 'rejected' && (r.reason as DomainError).code === 'CODE_ALREADY_USED'),
    ).toBe(true);
    const second = await redeem(shared.code, 'shared-2', { clientUserId: bob.id });
    expect([first.redemptionCount, second.redemptionCount]).toEqual([1, 2]);
    expect(await rowsOf(shared.id)).toEqual({
      redeemed: 2,
      rejected: 10,
      audited: 2,
      facts: 2,
      deliveries: 4,
    });
    // The stored answer (idempotent replay) has the count the batch read.
    const replay = await redeem(shared.code, 'shared-2', { clientUserId: bob.id });
    expect(replay).toEqual(second);
  });

  it('retries a redemption chosen as a deadlock victim from a fresh read, and writes its rows once', async () => {
    const code = await aDiscount(t.dataSource, await aUser(t.dataSource), { code: 'D3ADL0CK' });
    const bystander = await aUser(t.dataSource);
    const other = await createConnection(process.env.DATABASE_URL as string);
    try {
      // Another transaction, heavier (it changed a row), holds a shared lock on the code...
      await other.query('START TRANSACTION');
      await other.query("UPDATE users SET notes = 'deadlock test' WHERE id = ?", [bystander.id]);
      await other.query('SELECT id FROM discounts WHERE id = ? LOCK IN SHARE MODE', [code.id]);
      // ...the redemption's UPDATE waits for it...
      const redemption = redeem(code.code, 'deadlock-1');
      await eventually(
        async () =>
          (await count(
            `SELECT COUNT(*) AS n FROM information_schema.INNODB_TRX t
               JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id
              WHERE t.trx_state = 'LOCK WAIT' AND p.DB = DATABASE()`,
            [],
          )) > 0,
        // On the loaded shared machine the wait shows after 2 to 6 s (the run's first connections). Asked
        // every 200 ms: InnoDB refreshes INNODB_TRX only after 100 ms without a read, so a faster poll on a
        // quiet machine reads the same stale snapshot for ever.
        20_000,
        200,
      );
      // ...and it now wants the row too: a deadlock, whose victim is the lighter redemption.
      await other.query('UPDATE discounts SET used_at = NULL WHERE id = ?', [code.id]);
      await other.query('COMMIT');
      const redeemed = await redemption;
      expect(redeemed.redemptionCount).toBe(1);
    } finally {
      await other.end();
    }
    expect(await rowsOf(code.id)).toEqual({ redeemed: 1, rejected: 0, audited: 1, facts: 1, deliveries: 2 });
  });

  it('answers SERVICE_UNAVAILABLE when no batch connection comes within the wait, rather than queueing on', async () => {
    const batches = t.get(StatementBatches);
    const busy = Array.from({ length: 10 }, () => batches.run('SELECT SLEEP(7)', []));
    const refused = await batches.run('SELECT 1 AS one', []).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe('SERVICE_UNAVAILABLE');
    await Promise.all(busy);
    // The connections came back, and the one that arrived after the wait was released, not leaked.
    expect(await batches.run<{ one: number }>('SELECT 0; SELECT 1 AS one', [])).toEqual([{ one: 1 }]);
  });
});
