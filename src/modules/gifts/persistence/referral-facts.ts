import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

interface ReferralRow {
  referred_by_user_id: number | null;
  first_redemption_id: number | null;
}

/*
 * The users table is the users module's: a read-only primary-key lookup of the inviter. The first redemption
 * is a MIN over idx_discount_usage_logs_user_id (a client has a handful of rows).
 */
const FACTS_SQL = `
  SELECT u.referred_by_user_id,
         (SELECT MIN(l.id) FROM discount_usage_logs l WHERE l.user_id = u.id AND l.action = 'redeemed')
           AS first_redemption_id
    FROM users u
   WHERE u.id = ?`;

@Injectable()
export class ReferralFacts {
  constructor(private readonly dataSource: DataSource) {}

  /** Who invited the client and their first redemption's id, or null for no such client. */
  async of(
    userId: number,
  ): Promise<{ referredByUserId: number | null; firstRedemptionId: number | null } | null> {
    const rows = (await this.dataSource.query(FACTS_SQL, [userId])) as ReferralRow[];
    if (rows.length === 0) return null;
    const [row] = rows;
    return {
      referredByUserId: row.referred_by_user_id === null ? null : Number(row.referred_by_user_id),
      firstRedemptionId: row.first_redemption_id === null ? null : Number(row.first_redemption_id),
    };
  }
}
