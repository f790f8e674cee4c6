import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DiscountKind, DiscountReason, DiscountStatus } from '../../codes/domain/code-vocabulary';

/** A code and the client to tell about it, as a notice needs them at the moment it is sent. */
export interface NoticeFacts {
  discountId: number;
  code: string;
  kind: DiscountKind;
  value: number;
  status: DiscountStatus;
  reason: DiscountReason;
  expiresAt: Date | null;
  suspendedAt: Date | null;
  description: string | null;
  userId: number;
  telegramId: number | null;
  firstName: string | null;
  userStatus: 'active' | 'blocked' | 'deleted';
}

interface FactsRow {
  id: number;
  code: string;
  kind: DiscountKind;
  value: number;
  status: DiscountStatus;
  reason: DiscountReason;
  expires_at: Date | null;
  suspended_at: Date | null;
  description: string | null;
  user_id: number;
  telegram_id: string | number | null;
  first_name: string | null;
  user_status: 'active' | 'blocked' | 'deleted';
}

/*
 * Primary-key lookups of the code, its template and the client (read-only join of the users module's table,
 * as in CodeCards): read when the notice goes out, not when it was queued, so a client who blocked the bot
 * or a code revoked meanwhile is seen.
 */
const FACTS_SQL = `
  SELECT d.id, d.code, d.kind, d.value, d.status, d.reason, d.expires_at, d.suspended_at, t.description,
         u.id AS user_id, u.telegram_id, u.first_name, u.status AS user_status
    FROM discounts d
    JOIN discount_templates t ON t.id = d.template_id`;

@Injectable()
export class NoticeFactsReader {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The code `discountId` and a client: its owner, or `userId` (the client who redeemed a shared code).
   * Null when the code has no owner and no client is named.
   */
  async read(discountId: number, userId: number | null = null): Promise<NoticeFacts | null> {
    const rows = (
      userId === null
        ? await this.dataSource.query(`${FACTS_SQL} JOIN users u ON u.id = d.user_id WHERE d.id = ?`, [
            discountId,
          ])
        : await this.dataSource.query(`${FACTS_SQL} JOIN users u ON u.id = ? WHERE d.id = ?`, [
            userId,
            discountId,
          ])
    ) as FactsRow[];
    const row = rows[0];
    if (!row) return null;
    return {
      discountId: row.id,
      code: row.code,
      kind: row.kind,
      value: row.value,
      status: row.status,
      reason: row.reason,
      expiresAt: row.expires_at,
      suspendedAt: row.suspended_at,
      description: row.description,
      userId: row.user_id,
      telegramId: row.telegram_id === null ? null : Number(row.telegram_id),
      firstName: row.first_name,
      userStatus: row.user_status,
    };
  }
}
