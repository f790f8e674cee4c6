import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { CodeState } from '../domain/redemption-rules';
import { DiscountKind } from './discount-template.entity';
import { DiscountReason, DiscountStatus } from './discount.entity';

/** A code with what its template and owner add: everything a check, a redemption or an answer needs. */
export interface CodeCard extends CodeState {
  id: number;
  templateId: number;
  templateName: string;
  description: string | null;
  kind: DiscountKind;
  value: number;
  status: DiscountStatus;
  reason: DiscountReason;
  periodKey: string | null;
  issuedByAdminId: number | null;
  isTest: boolean;
  createdAt: Date;
  /** The owner of a personal code (null for a shared one), with the first name a cashier greets. */
  ownerFirstName: string | null;
}

interface CardRow {
  id: number;
  code: string;
  template_id: number;
  user_id: number | null;
  kind: DiscountKind;
  value: number;
  status: DiscountStatus;
  reason: DiscountReason;
  period_key: string | null;
  issued_by_admin_id: number | null;
  valid_from: Date;
  expires_at: Date | null;
  used_at: Date | null;
  suspended_at: Date | null;
  redemption_count: number;
  max_redemptions: number | null;
  is_test: number;
  created_at: Date;
  template_name: string;
  description: string | null;
  min_purchase: number | null;
  template_active: number;
  first_name: string | null;
}

/*
 * One primary-key / unique-key lookup per table (const on uq_discounts_code, then eq_ref on the template
 * and user primary keys). The users table belongs to the users module; this read-only join of one column
 * keeps the hot path at one round trip.
 */
export const CARD_SQL = `
  SELECT d.id, d.code, d.template_id, d.user_id, d.kind, d.value, d.status, d.reason, d.period_key,
         d.issued_by_admin_id, d.valid_from, d.expires_at, d.used_at, d.suspended_at, d.redemption_count,
         d.max_redemptions, d.is_test, d.created_at,
         t.name AS template_name, t.description, t.min_purchase, t.is_active AS template_active,
         u.first_name
    FROM discounts d
    JOIN discount_templates t ON t.id = d.template_id
    LEFT JOIN users u ON u.id = d.user_id`;

const toCard = (row: CardRow): CodeCard => ({
  id: row.id,
  code: row.code,
  templateId: row.template_id,
  userId: row.user_id,
  kind: row.kind,
  value: row.value,
  status: row.status,
  reason: row.reason,
  periodKey: row.period_key,
  issuedByAdminId: row.issued_by_admin_id,
  validFrom: row.valid_from,
  expiresAt: row.expires_at,
  usedAt: row.used_at,
  suspendedAt: row.suspended_at,
  redemptionCount: row.redemption_count,
  maxRedemptions: row.max_redemptions,
  isTest: Boolean(row.is_test),
  createdAt: row.created_at,
  templateName: row.template_name,
  description: row.description,
  minPurchase: row.min_purchase,
  templateActive: Boolean(row.template_active),
  ownerFirstName: row.first_name,
});

/** Reads codes as cards, by code (as stored: normalise typed input first) or by id. */
@Injectable()
export class CodeCards {
  constructor(private readonly dataSource: DataSource) {}

  async byCode(code: string, manager: EntityManager = this.dataSource.manager): Promise<CodeCard | null> {
    const rows = (await manager.query(`${CARD_SQL} WHERE d.code = ?`, [code])) as CardRow[];
    return rows.length > 0 ? toCard(rows[0]) : null;
  }

  async byId(id: number, manager: EntityManager = this.dataSource.manager): Promise<CodeCard | null> {
    const rows = (await manager.query(`${CARD_SQL} WHERE d.id = ?`, [id])) as CardRow[];
    return rows.length > 0 ? toCard(rows[0]) : null;
  }

  /** When `userId` redeemed the shared code `discountId` (null: never); served by idx_..._user_id. */
  async clientRedeemedAt(
    discountId: number,
    userId: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Date | null> {
    const rows = (await manager.query(
      `SELECT created_at FROM discount_usage_logs
        WHERE user_id = ? AND discount_id = ? AND action = 'redeemed' ORDER BY id LIMIT 1`,
      [userId, discountId],
    )) as Array<{ created_at: Date }>;
    return rows[0]?.created_at ?? null;
  }

  /**
   * The client a check or redemption is for: the owner of a personal code, or the client named at the till
   * for a shared one (null when none is named; USER_NOT_FOUND when the named one does not exist or was
   * deleted).
   */
  async clientOf(
    card: CodeCard,
    clientUserId: number | null,
  ): Promise<{ userId: number; firstName: string | null } | null> {
    if (card.userId !== null) return { userId: card.userId, firstName: card.ownerFirstName };
    if (clientUserId === null) return null;
    const rows = (await this.dataSource.query(
      "SELECT first_name FROM users WHERE id = ? AND status <> 'deleted'",
      [clientUserId],
    )) as Array<{
      first_name: string | null;
    }>;
    if (rows.length === 0) throw new DomainError(ErrorCode.USER_NOT_FOUND, `No client #${clientUserId}`);
    return { userId: clientUserId, firstName: rows[0].first_name };
  }
}
