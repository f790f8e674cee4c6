import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../../common/errors/domain-error';
import { Outbox } from '../../../infrastructure/outbox/outbox';
import { ErrorCode } from '../../../common/errors/error-code';
import { CodeCard, CodeCards } from './code-cards';
import { UsageJournal, UsageRow } from './usage-journal';

/*
 * The redemption itself: one conditional UPDATE whose WHERE clause repeats every rule that can change under
 * our feet (status, lifetime, suspension, the limit of a shared code), checked by affected rows, plus the
 * usage-log row, its audit row and its outbox fact, in one transaction. Two cashiers, a till and an admin pressing at once: InnoDB's row lock
 * serialises the UPDATEs and only the first matches. FORCE INDEX (PRIMARY): on a small table the optimizer
 * may otherwise reach the row through idx_discounts_user_status_created_at, locking that index entry
 * before the row, the opposite order of a redemption changing the status (a deadlock, seen in tests).
 *
 * Isolation: a shared code's transaction runs READ COMMITTED, because its per-client check reads the usage
 * log after the UPDATE holds the code's row lock and must see the rows committed by the redemptions that
 * held the lock before (REPEATABLE READ could read an older snapshot). A personal code's transaction reads
 * nothing (an UPDATE by primary key and an INSERT), so it keeps the server's default and saves the round
 * trip of SET TRANSACTION.
 */
const REDEEM_PERSONAL = `
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
     AND (max_redemptions IS NULL OR redemption_count < max_redemptions)`;

/** One redemption's transaction: spend the code, then write the usage row, in this order. */
export interface RedemptionTransaction {
  /**
   * Spends one redemption of the code: the count of redemptions after ours, or null when the UPDATE matched
   * no row (someone was first, or the code changed). CODE_ALREADY_USED when this client already redeemed
   * this shared code.
   */
  spend(): Promise<number | null>;
  /** Writes the usage row; its id. ER_DUP_ENTRY when the row's idempotency key is taken. */
  record(row: UsageRow): Promise<number>;
  /** Records the redemption's facts in the outbox (and their audit rows), in this transaction. */
  recordFacts(...facts: object[]): Promise<void>;
}

@Injectable()
export class RedemptionLedger {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cards: CodeCards,
    private readonly journal: UsageJournal,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Runs `work` in the redemption's transaction for `card` (READ COMMITTED for a shared code, see above);
   * whatever it throws rolls the UPDATE back. Null when InnoDB chose the transaction as a deadlock victim
   * (e.g. against the hourly expiry job): the caller reads the code again and retries.
   */
  async transaction<T>(
    card: CodeCard,
    clientUserId: number | null,
    now: Date,
    work: (redemption: RedemptionTransaction) => Promise<T | null>,
  ): Promise<T | null> {
    const shared = card.userId === null;
    const run = (manager: EntityManager) =>
      work({
        spend: () => this.spend(card, clientUserId, now, manager),
        record: (row) => this.journal.record(row, manager),
        recordFacts: async (...facts) => {
          await this.outbox.record(manager, ...facts);
        },
      });
    try {
      return shared
        ? await this.dataSource.transaction('READ COMMITTED', run)
        : await this.dataSource.transaction(run);
    } catch (error) {
      if ((error as { code?: string }).code === 'ER_LOCK_DEADLOCK') return null;
      throw error;
    }
  }

  private async spend(
    card: CodeCard,
    clientUserId: number | null,
    now: Date,
    manager: EntityManager,
  ): Promise<number | null> {
    const shared = card.userId === null;
    const result = (await manager.query(shared ? REDEEM_SHARED : REDEEM_PERSONAL, [
      now,
      card.id,
      now,
      now,
    ])) as {
      affectedRows: number;
    };
    if (result.affectedRows !== 1) return null;
    return shared ? this.sharedCount(card, clientUserId, manager) : card.redemptionCount + 1;
  }

  /** Under the row lock: refuses a client's second redemption of a shared code; the count after ours. */
  private async sharedCount(
    card: CodeCard,
    clientUserId: number | null,
    manager: EntityManager,
  ): Promise<number> {
    if (clientUserId === null) throw new Error('A shared code is redeemed for a known client');
    const before = await this.cards.clientRedeemedAt(card.id, clientUserId, manager);
    if (before) {
      throw new DomainError(ErrorCode.CODE_ALREADY_USED, 'This client has already redeemed the code', {
        code: card.code,
        usedAt: before.toISOString(),
      });
    }
    const rows = (await manager.query('SELECT redemption_count FROM discounts WHERE id = ?', [
      card.id,
    ])) as Array<{
      redemption_count: number;
    }>;
    return rows[0].redemption_count;
  }
}
