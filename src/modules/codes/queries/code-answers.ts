import { formatValue } from '../domain/discount-value';
import { effectiveStatus, isShared } from '../domain/redemption-rules';
import { DiscountKind } from '../persistence/discount-template.entity';
import { DiscountStatus } from '../persistence/discount.entity';
import { CodeCard } from '../persistence/code-cards';

/** The client a code is for: the owner of a personal code, or the client named at the till for a shared one. */
export interface CodeClient {
  userId: number;
  firstName: string | null;
}

/**
 * What a cashier (staff bot), a till (POS) or an admin sees of a code: its worth, what it is for, whose it
 * is and until when. Times are Dates in process and ISO strings in JSON.
 */
export interface CodeFacts {
  discountId: number;
  code: string;
  kind: DiscountKind;
  /** percent 1..100, or kopecks for `fixed`. */
  value: number;
  /** `10 %`, `150 ₽`: ready to show. */
  valueText: string;
  templateName: string;
  description: string | null;
  client: CodeClient | null;
  shared: boolean;
  validFrom: Date;
  expiresAt: Date | null;
  /** Kopecks; null = none. */
  minPurchase: number | null;
  redemptionCount: number;
  maxRedemptions: number | null;
}

/** A successful check (CheckDiscountCommand): the code may be redeemed now. */
export interface CodeCheck extends CodeFacts {
  valid: true;
  status: DiscountStatus;
  purchaseAmount: number | null;
  /** Kopecks the code takes off `purchaseAmount`; null when no purchase was given. */
  discountAmount: number | null;
}

/** A redemption (RedeemDiscountCommand): the code is spent for this purchase. */
export interface Redemption extends CodeFacts {
  /** The usage-log row of the redemption. */
  redemptionId: number;
  redeemed: true;
  usedAt: Date;
  purchaseAmount: number | null;
  discountAmount: number | null;
}

export function codeFacts(card: CodeCard, client: CodeClient | null): CodeFacts {
  return {
    discountId: card.id,
    code: card.code,
    kind: card.kind,
    value: card.value,
    valueText: formatValue(card.kind, card.value),
    templateName: card.templateName,
    description: card.description,
    client: isShared(card) ? client : { userId: card.userId as number, firstName: card.ownerFirstName },
    shared: isShared(card),
    validFrom: card.validFrom,
    expiresAt: card.expiresAt,
    minPurchase: card.minPurchase,
    redemptionCount: card.redemptionCount,
    maxRedemptions: card.maxRedemptions,
  };
}

export function codeCheck(
  card: CodeCard,
  client: CodeClient | null,
  now: Date,
  purchaseAmount: number | null,
  discountAmount: number | null,
): CodeCheck {
  return {
    valid: true,
    ...codeFacts(card, client),
    status: effectiveStatus(card, now),
    purchaseAmount,
    discountAmount,
  };
}

const DATE_FIELDS = ['validFrom', 'expiresAt', 'usedAt'] as const;

/** A redemption as stored for idempotent replays (JSON), without the row id, which is the row's own. */
export function storedRedemption(redemption: Omit<Redemption, 'redemptionId'>): Record<string, unknown> {
  return { ...redemption };
}

/** A stored redemption read back, with its Dates and its row id: equal to the first answer. */
export function revivedRedemption(stored: Record<string, unknown>, redemptionId: number): Redemption {
  const revived: Record<string, unknown> = { redemptionId, ...stored };
  for (const field of DATE_FIELDS) {
    const value = revived[field];
    if (typeof value === 'string') revived[field] = new Date(value);
  }
  return revived as unknown as Redemption;
}
