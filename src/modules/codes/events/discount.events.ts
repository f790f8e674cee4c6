import { Actor, AuditableEvent, AuditEntry } from '../../../common/audit/audit-entry';
import { Fact } from '../../../infrastructure/outbox/fact';
import { DiscountKind } from '../persistence/discount-template.entity';
import { UsageChannel } from '../persistence/discount-usage-log.entity';
import { DiscountReason } from '../persistence/discount.entity';

/** A new code, as the client bot's notifier needs it (template `discount_issued`). */
export interface IssuedCode {
  discountId: number;
  templateId: number;
  /**
   * Null for a shared code (nobody to notify). No contact (Telegram id, name) rides along: the payload
   * outlives a client's deletion, so the notice looks the client up when it is sent.
   */
  userId: number | null;
  code: string;
  kind: DiscountKind;
  value: number;
  valueText: string;
  description: string | null;
  reason: DiscountReason;
  periodKey: string | null;
  expiresAt: Date | null;
  isTest: boolean;
  /** False when the caller shows the code to the client itself (the «Я подписался» reply): no announcement. */
  announce: boolean;
}

/**
 * A code was issued (any path: gift, manual, bulk). Not published when the issue found the code already
 * there. An outbox fact (consumer: the client's notice).
 */
@Fact('discount.issued')
export class DiscountIssuedEvent extends AuditableEvent {
  constructor(
    readonly issued: IssuedCode,
    readonly actor: Actor,
  ) {
    super();
  }

  toAuditEntry(): AuditEntry {
    const { code, userId, templateId, reason, periodKey, kind, value, expiresAt } = this.issued;
    return {
      actor: this.actor,
      action: 'discount.issued',
      entityType: 'discount',
      entityId: this.issued.discountId,
      changes: { after: { code, userId, templateId, reason, periodKey, kind, value, expiresAt } },
    };
  }
}

/** A code was redeemed. */
export interface RedeemedCode {
  discountId: number;
  redemptionId: number;
  code: string;
  templateId: number;
  reason: DiscountReason;
  /** The client: owner of a personal code, the named client of a shared one. */
  userId: number | null;
  kind: DiscountKind;
  value: number;
  valueText: string;
  channel: UsageChannel;
  cashierId: number | null;
  adminId: number | null;
  terminalId: string | null;
  purchaseAmount: number | null;
  discountAmount: number | null;
  usedAt: Date;
  isTest: boolean;
}

const actorOfChannel = (r: RedeemedCode): Actor => {
  switch (r.channel) {
    case 'staff_bot':
      return { type: 'cashier', id: r.cashierId };
    case 'admin':
      return { type: 'admin', id: r.adminId };
    default:
      return { type: 'pos', id: r.terminalId };
  }
};

/** An outbox fact (consumers: the client's notice, the referral reward), audited with the redemption. */
@Fact('discount.redeemed')
export class DiscountRedeemedEvent extends AuditableEvent {
  constructor(readonly redeemed: RedeemedCode) {
    super();
  }

  toAuditEntry(): AuditEntry {
    const { code, userId, channel, terminalId, purchaseAmount, discountAmount, redemptionId } = this.redeemed;
    return {
      actor: actorOfChannel(this.redeemed),
      action: 'discount.redeemed',
      entityType: 'discount',
      entityId: this.redeemed.discountId,
      changes: { code, userId, channel, terminalId, purchaseAmount, discountAmount, redemptionId },
    };
  }
}

/** An admin revoked a code (or a deleted client's code was). An outbox fact: audited with the change. */
@Fact('discount.revoked')
export class DiscountRevokedEvent extends AuditableEvent {
  constructor(
    readonly discountId: number,
    readonly code: string,
    readonly userId: number | null,
    readonly actor: Actor,
    readonly note: string | null,
  ) {
    super();
  }

  toAuditEntry(): AuditEntry {
    return {
      actor: this.actor,
      action: 'discount.revoked',
      entityType: 'discount',
      entityId: this.discountId,
      changes: {
        before: { status: 'active' },
        after: { status: 'revoked' },
        code: this.code,
        note: this.note,
      },
    };
  }
}

/** Bulk issue started by an admin (the job's own result tells how it went). */
export class DiscountBulkIssueStartedEvent extends AuditableEvent {
  constructor(
    readonly jobId: string,
    readonly templateId: number,
    readonly target: { userIds: number | null; segmentId: number | null },
    readonly actor: Actor,
  ) {
    super();
  }

  toAuditEntry(): AuditEntry {
    return {
      actor: this.actor,
      action: 'discount.bulk_issue_started',
      entityType: 'discount_template',
      entityId: this.templateId,
      changes: { jobId: this.jobId, ...this.target },
    };
  }
}
