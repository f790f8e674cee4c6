import { formatValue } from '../domain/discount-value';
import { effectiveStatus } from '../domain/redemption-rules';
import { DiscountKind } from '../persistence/discount-template.entity';
import { Discount, DiscountReason, DiscountStatus } from '../persistence/discount.entity';

/** A code as the admin API shows it; `status` is as of now (a code past its expiry reads `expired`). */
export interface DiscountView {
  id: number;
  code: string;
  templateId: number;
  /** Null for a shared code. */
  userId: number | null;
  kind: DiscountKind;
  value: number;
  valueText: string;
  status: DiscountStatus;
  reason: DiscountReason;
  periodKey: string | null;
  issuedByAdminId: number | null;
  validFrom: Date;
  expiresAt: Date | null;
  usedAt: Date | null;
  suspendedAt: Date | null;
  redemptionCount: number;
  maxRedemptions: number | null;
  isTest: boolean;
  createdAt: Date;
}

export function toDiscountView(discount: Discount, now: Date): DiscountView {
  return {
    id: discount.id,
    code: discount.code,
    templateId: discount.templateId,
    userId: discount.userId,
    kind: discount.kind,
    value: discount.value,
    valueText: formatValue(discount.kind, discount.value),
    status: effectiveStatus(discount, now),
    reason: discount.reason,
    periodKey: discount.periodKey,
    issuedByAdminId: discount.issuedByAdminId,
    validFrom: discount.validFrom,
    expiresAt: discount.expiresAt,
    usedAt: discount.usedAt,
    suspendedAt: discount.suspendedAt,
    redemptionCount: discount.redemptionCount,
    maxRedemptions: discount.maxRedemptions,
    isTest: discount.isTest,
    createdAt: discount.createdAt,
  };
}
