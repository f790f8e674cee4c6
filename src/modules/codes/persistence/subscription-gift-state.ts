import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/*
 * An unused subscription gift follows its owner's subscription: suspended (suspended_at set) while the
 * client is not subscribed, restored when they are again. Each statement re-reads users.is_subscribed in
 * the UPDATE itself (a locking read of the latest committed row), so listeners that run late or out of order
 * (leave, return, leave within a second) still end where the client's flag is. The users table belongs to
 * the users module: this is a read-only join of one column. Served by idx_discounts_user_status_created_at
 * (user_id, status) and the users primary key.
 */
const SUSPEND = `
  UPDATE discounts d JOIN users u ON u.id = d.user_id
     SET d.suspended_at = ?
   WHERE d.user_id = ? AND d.status = 'active' AND d.reason = 'subscription'
     AND d.suspended_at IS NULL AND u.is_subscribed = 0`;

const RESTORE = `
  UPDATE discounts d JOIN users u ON u.id = d.user_id
     SET d.suspended_at = NULL
   WHERE d.user_id = ? AND d.status = 'active' AND d.reason = 'subscription'
     AND d.suspended_at IS NOT NULL AND u.is_subscribed = 1`;

@Injectable()
export class SubscriptionGiftState {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Brings the client's unused subscription gifts in line with their subscription; how many changed.
   * `alongside` runs in the same transaction with the counts (the audit's outbox facts).
   */
  async follow(
    userId: number,
    now: Date,
    alongside: (
      manager: EntityManager,
      changed: { suspended: number; restored: number },
    ) => Promise<unknown> = async () => undefined,
  ): Promise<{ suspended: number; restored: number }> {
    return this.dataSource.transaction(async (manager) => {
      const suspended = (await manager.query(SUSPEND, [now, userId])) as { affectedRows: number };
      const restored = (await manager.query(RESTORE, [userId])) as { affectedRows: number };
      const changed = { suspended: suspended.affectedRows, restored: restored.affectedRows };
      await alongside(manager, changed);
      return changed;
    });
  }
}
