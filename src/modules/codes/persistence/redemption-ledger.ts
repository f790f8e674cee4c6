import { Injectable } from '@nestjs/common';
import { Outbox } from '../../../infrastructure/outbox/outbox';
import { Statement, StatementBatches } from '../../../infrastructure/database/statement-batches';
import { DiscountRedeemedEvent } from '../events/discount.events';
import { CodeCard } from './code-cards';
import { guardedUsageInsert, UsageRow } from './usage-journal';

/*
 * The redemption itself, in one round trip: a multi-statement batch (StatementBatches) holding the whole
 * transaction. One conditional UPDATE whose WHERE clause repeats every rule that can change under our feet
 * (status, lifetime, suspension, the limit of a shared code); ROW_COUNT() says whether it matched, and
 * every row after it (the usage row, the outbox fact with its deliveries, the audit row) is an
 * INSERT … SELECT … WHERE @spent = 1, so nothing is written when it did not. The usage row's id
 * (LAST_INSERT_ID) is the redemption's id, set into the fact and the audit row by JSON_SET; the batch ends
 * with a SELECT of what it did, so no row is read back. Two cashiers, a till and an admin pressing at
 * once: InnoDB's row lock serialises the UPDATEs and only the first matches.
 *
 * FORCE INDEX (PRIMARY): on a small table the optimizer may otherwise reach the row through
 * idx_discounts_user_status_created_at, locking that index entry before the row, the opposite order of a
 * redemption changing the status (a deadlock, seen in tests).
 *
 * A shared code: the batch runs READ COMMITTED, locks the code's row first (SELECT … FOR UPDATE), then
 * counts this client's redemptions of it, which then sees every redemption committed by those who held the
 * lock before (REPEATABLE READ could read an older snapshot); the UPDATE also requires that count to be 0.
 * A personal code's batch reads nothing before its UPDATE and keeps the server's default isolation.
 */
export const REDEEM_PERSONAL = `
  UPDATE discounts FORCE INDEX (PRIMARY)
     SET status = 'used', used_at = ?, redemption_count = redemption_count + 1
   WHERE id = ? AND status = 'active' AND suspended_at IS NULL
     AND valid_from <= ? AND (expires_at IS NULL OR expires_at > ?)`;

// Status is assigned first, from the count before the increment: MySQL assigns left to right.
const REDEEM_SHARED = `
  UPDATE discounts FORCE INDEX (PRIMARY)
     SET status = IF(max_redemptions IS NOT NULL AND redemption_count + 1 >= max_redemptions, 'used', status),
         used_at = ?, redemption_count = redemption_count + 1
   WHERE id = ? AND status = 'active' AND suspended_at IS NULL
     AND valid_from <= ? AND (expires_at IS NULL OR expires_at > ?)
     AND (max_redemptions IS NULL OR redemption_count < max_redemptions)
     AND @mine = 0`;

/** Under the code's row lock: how often, and first when, this client redeemed this shared code. */
const CLIENT_BEFORE = `
  SELECT id INTO @locked FROM discounts FORCE INDEX (PRIMARY) WHERE id = ? FOR UPDATE;
  SELECT COUNT(*), MIN(created_at) INTO @mine, @mine_at
    FROM discount_usage_logs WHERE user_id = ? AND discount_id = ? AND action = 'redeemed'`;

const SPENT = '@spent = 1';

/** What a redemption's batch did. */
export type RedemptionOutcome =
  /** Spent: the usage row's id is the redemption's, the code's count after it. */
  | { spent: true; redemptionId: number; redemptionCount: number }
  /** Not spent: someone was first or the code changed; for a shared code, when this client redeemed it. */
  | { spent: false; clientRedeemedAt: Date | null };

interface OutcomeRow {
  spent: number | string | null;
  usage_id: number | string | null;
  redemption_count: number | string | null;
  client_redeemed_at: Date | null;
}

@Injectable()
export class RedemptionLedger {
  constructor(
    private readonly batches: StatementBatches,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Spends one redemption of `card` and writes its usage row, its fact and audit row, in one transaction
   * sent as one batch. Null when InnoDB chose it as a deadlock victim (e.g. against the hourly expiry job):
   * the caller reads the code again and retries. Throws ER_DUP_ENTRY (nothing written) when the usage
   * row's idempotency key is taken.
   */
  async redeem(
    card: CodeCard,
    clientUserId: number | null,
    now: Date,
    usage: UsageRow,
    fact: DiscountRedeemedEvent,
  ): Promise<RedemptionOutcome | null> {
    const shared = card.userId === null;
    if (shared && clientUserId === null) throw new Error('A shared code is redeemed for a known client');
    const statements: Statement[] = [
      shared
        ? { sql: CLIENT_BEFORE, values: [card.id, clientUserId, card.id] }
        : { sql: 'SET @mine = 0, @mine_at = NULL', values: [] },
      { sql: shared ? REDEEM_SHARED : REDEEM_PERSONAL, values: [now, card.id, now, now] },
      { sql: 'SET @spent = ROW_COUNT()', values: [] },
      { sql: 'SELECT redemption_count INTO @count FROM discounts WHERE id = ?', values: [card.id] },
      guardedUsageInsert(usage, SPENT, { path: '$.redemption.redemptionCount', expression: '@count' }),
      { sql: `SET @usage = IF(${SPENT}, LAST_INSERT_ID(), NULL)`, values: [] },
      ...this.outbox.guardedStatements(fact, now, SPENT, {
        payload: { path: '$.redeemed.redemptionId', expression: '@usage' },
        audit: { path: '$.redemptionId', expression: '@usage' },
      }),
    ];
    const sql =
      (shared ? 'SET TRANSACTION ISOLATION LEVEL READ COMMITTED;\n' : '') +
      'START TRANSACTION;\n' +
      statements.map((statement) => statement.sql).join(';\n') +
      ';\nCOMMIT;\n' +
      'SELECT @spent AS spent, @usage AS usage_id, @count AS redemption_count, ' +
      'CAST(@mine_at AS DATETIME(3)) AS client_redeemed_at';
    let row: OutcomeRow;
    try {
      [row] = await this.batches.run<OutcomeRow>(
        sql,
        statements.flatMap((statement) => statement.values),
      );
    } catch (error) {
      if ((error as { code?: string }).code === 'ER_LOCK_DEADLOCK') return null;
      throw error;
    }
    if (Number(row.spent) !== 1) return { spent: false, clientRedeemedAt: row.client_redeemed_at };
    this.outbox.markRecorded(fact);
    return { spent: true, redemptionId: Number(row.usage_id), redemptionCount: Number(row.redemption_count) };
  }
}
