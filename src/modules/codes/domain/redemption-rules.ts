import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';

export type CodeStatus = 'active' | 'used' | 'expired' | 'revoked';

/** What the rules need to know about a code (and its template) at one moment. */
export interface CodeState {
  code: string;
  status: CodeStatus;
  /** The owner of a personal code; null for a shared code. */
  userId: number | null;
  validFrom: Date;
  expiresAt: Date | null;
  usedAt: Date | null;
  /** An unused subscription gift is suspended while its owner is unsubscribed from the channel. */
  suspendedAt: Date | null;
  redemptionCount: number;
  maxRedemptions: number | null;
  templateActive: boolean;
  minPurchase: number | null;
}

/** One check or redemption of a code. */
export interface Attempt {
  intent: 'check' | 'redeem';
  now: Date;
  /** Kopecks; when absent, the minimum purchase cannot be checked (the cashier is shown it instead). */
  purchaseAmount?: number | null;
  /**
   * The channel knows the purchase (the till, the admin API): redeeming a code with a minimum purchase then
   * needs its amount. The staff bot does not ask for one: its cashier is shown the minimum.
   */
  purchaseKnown?: boolean;
  /**
   * Shared codes: when the client at the till redeemed this code before (null: never). Undefined when the
   * client is not known, which a check tolerates and a redemption does not.
   */
  clientRedeemedAt?: Date | null;
}

/** A shared code is one code for many clients (each once); a personal code has its owner. */
export const isShared = (code: Pick<CodeState, 'userId'>): boolean => code.userId === null;

/**
 * The status a person should see now: an active code past its expiry reads as expired at once, before the
 * hourly job writes it.
 */
export function effectiveStatus(code: Pick<CodeState, 'status' | 'expiresAt'>, now: Date): CodeStatus {
  if (code.status === 'active' && code.expiresAt !== null && code.expiresAt.getTime() <= now.getTime()) {
    return 'expired';
  }
  return code.status;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * The one rule set of every channel (staff bot, POS, admin): why this code cannot be checked or redeemed now,
 * or null when it can. The most useful reason wins: a used code says when it was used even if it has also
 * expired since. `null` code means it was not found.
 */
export function refusalOf(code: CodeState | null, attempt: Attempt): DomainError | null {
  if (!code) return new DomainError(ErrorCode.DISCOUNT_NOT_FOUND, 'No such code');
  const { now } = attempt;
  const ref = { code: code.code };
  if (code.status === 'revoked') {
    return new DomainError(ErrorCode.CODE_REVOKED, 'The code was revoked', ref);
  }
  if (code.suspendedAt !== null && code.status === 'active') {
    return new DomainError(
      ErrorCode.CODE_REVOKED,
      'The code is suspended while its owner is not subscribed to the channel',
      { ...ref, suspended: true, suspendedAt: iso(code.suspendedAt) },
    );
  }
  if (isShared(code)) {
    if (code.maxRedemptions !== null && code.redemptionCount >= code.maxRedemptions) {
      return new DomainError(ErrorCode.CODE_LIMIT_REACHED, 'The code has been redeemed as often as allowed', {
        ...ref,
        maxRedemptions: code.maxRedemptions,
      });
    }
    if (attempt.clientRedeemedAt) {
      return new DomainError(ErrorCode.CODE_ALREADY_USED, 'This client has already redeemed the code', {
        ...ref,
        usedAt: iso(attempt.clientRedeemedAt),
      });
    }
  }
  if (code.status === 'used') {
    return new DomainError(ErrorCode.CODE_ALREADY_USED, 'The code has already been redeemed', {
      ...ref,
      usedAt: iso(code.usedAt),
    });
  }
  if (effectiveStatus(code, now) === 'expired') {
    return new DomainError(ErrorCode.CODE_EXPIRED, 'The code has expired', {
      ...ref,
      expiresAt: iso(code.expiresAt),
    });
  }
  if (code.validFrom.getTime() > now.getTime()) {
    return new DomainError(ErrorCode.CODE_NOT_YET_VALID, 'The code is not valid yet', {
      ...ref,
      validFrom: iso(code.validFrom),
    });
  }
  if (!code.templateActive) {
    return new DomainError(ErrorCode.TEMPLATE_INACTIVE, 'This discount is switched off', ref);
  }
  if (attempt.intent === 'redeem' && isShared(code) && attempt.clientRedeemedAt === undefined) {
    return new DomainError(
      ErrorCode.VALIDATION_FAILED,
      'A shared code is redeemed for a known client (each client once): give clientUserId',
      { ...ref, fields: [{ field: 'clientUserId', errors: ['clientUserId is required for a shared code'] }] },
    );
  }
  const purchase = attempt.purchaseAmount;
  if (
    attempt.intent === 'redeem' &&
    attempt.purchaseKnown &&
    code.minPurchase !== null &&
    (purchase === undefined || purchase === null)
  ) {
    return new DomainError(
      ErrorCode.VALIDATION_FAILED,
      'This code has a minimum purchase: give purchaseAmount',
      {
        ...ref,
        minPurchase: code.minPurchase,
        fields: [
          {
            field: 'purchaseAmount',
            errors: ['purchaseAmount is required for a code with a minimum purchase'],
          },
        ],
      },
    );
  }
  if (
    code.minPurchase !== null &&
    purchase !== undefined &&
    purchase !== null &&
    purchase < code.minPurchase
  ) {
    return new DomainError(
      ErrorCode.MIN_PURCHASE_NOT_MET,
      'The purchase is below the minimum for this code',
      {
        ...ref,
        minPurchase: code.minPurchase,
        purchaseAmount: purchase,
      },
    );
  }
  return null;
}

/** Throws the refusal of `refusalOf`, if any. */
export function ensureRedeemable(code: CodeState | null, attempt: Attempt): asserts code is CodeState {
  const refusal = refusalOf(code, attempt);
  if (refusal) throw refusal;
}
