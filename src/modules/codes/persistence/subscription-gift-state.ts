import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

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

  /** Brings the client's unused subscription gifts in line with their subscription; how many changed. */
  async follow(userId: number, now: Date): Promise<{ suspended: number; restored: number }> {
    const suspended = (await this.dataSource.query(SUSPEND, [now, userId])) as { affectedRows: number };
    const restored = (await this.dataSource.query(RESTORE, [userId])) as { affectedRows: number };
    return { suspended: suspended.affectedRows, restored: restored.affectedRows };
  }
}
