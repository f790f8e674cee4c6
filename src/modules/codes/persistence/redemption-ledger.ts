import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { CodeCard, CodeCards } from './code-cards';
import { UsageJournal, UsageRow } from './usage-journal';

/*
 * The redemption itself: one conditional UPDATE whose WHERE clause repeats every rule that can change under
 * our feet (status, lifetime, suspension, the limit of a shared code), checked by affected rows, plus the
 * usage-log row, in one transaction. Two cashiers, a till and an admin pressing at once: InnoDB's row lock
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

export interface LedgerEntry {
  now: Date;
  /** The client the redemption is for: the owner of a personal code, the named client of a shared one. */
  clientUserId: number | null;
  /** The usage-log row to write, built from the code as it stands after the UPDATE. */
  row: (after: { redemptionCount: number }) => UsageRow;
}

@Injectable()
export class RedemptionLedger {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cards: CodeCards,
    private readonly journal: UsageJournal,
  ) {}

  /**
   * Spends one redemption of `card` and writes its usage row, atomically. Null when the UPDATE matched no
   * row (someone was first, or the code changed) or InnoDB chose it as a deadlock victim: the caller reads
   * the code again for the reason, or tries again. Throws
   * CODE_ALREADY_USED when the client already redeemed this shared code, ER_DUP_ENTRY when the row's
   * idempotency key is taken; both roll the UPDATE back.
   */
  async redeem(
    card: CodeCard,
    entry: LedgerEntry,
  ): Promise<{ usageId: number; redemptionCount: number } | null> {
    try {
      return await this.transaction(card, entry);
    } catch (error) {
      // InnoDB rolled the whole transaction back (e.g. against the hourly expiry job): read again, retry.
      if ((error as { code?: string }).code === 'ER_LOCK_DEADLOCK') return null;
      throw error;
    }
  }

  private transaction(
    card: CodeCard,
    entry: LedgerEntry,
  ): Promise<{ usageId: number; redemptionCount: number } | null> {
    const shared = card.userId === null;
    const work = async (manager: EntityManager) => {
      const { now } = entry;
      const result = (await manager.query(shared ? REDEEM_SHARED : REDEEM_PERSONAL, [
        now,
        card.id,
        now,
        now,
      ])) as {
        affectedRows: number;
      };
      if (result.affectedRows !== 1) return null;
      const redemptionCount = shared
        ? await this.sharedCount(card, entry, manager)
        : card.redemptionCount + 1;
      const usageId = await this.journal.record(entry.row({ redemptionCount }), manager);
      return { usageId, redemptionCount };
    };
    return shared ? this.dataSource.transaction('READ COMMITTED', work) : this.dataSource.transaction(work);
  }

  /** Under the row lock: refuses a client's second redemption of a shared code; the count after ours. */
  private async sharedCount(card: CodeCard, entry: LedgerEntry, manager: EntityManager): Promise<number> {
    if (entry.clientUserId === null) throw new Error('A shared code is redeemed for a known client');
    const before = await this.cards.clientRedeemedAt(card.id, entry.clientUserId, manager);
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
