import { DomainError } from '../../../common/errors/domain-error';
import { Attempt, CodeState, effectiveStatus, ensureRedeemable, refusalOf } from './redemption-rules';

const now = new Date('2026-03-10T05:00:00Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

const personal: CodeState = {
  code: 'K7M2QX9A',
  status: 'active',
  userId: 7,
  validFrom: minutes(-60),
  expiresAt: minutes(60),
  usedAt: null,
  suspendedAt: null,
  redemptionCount: 0,
  maxRedemptions: null,
  templateActive: true,
  minPurchase: null,
};
const shared: CodeState = { ...personal, userId: null, maxRedemptions: 3 };
const redeem: Attempt = { intent: 'redeem', now };

const reason = (code: CodeState | null, attempt: Partial<Attempt> = {}) =>
  refusalOf(code, { ...redeem, ...attempt })?.code ?? null;

describe('redemption rules', () => {
  it('lets an active code in its lifetime through', () => {
    expect(reason(personal)).toBeNull();
    expect(reason({ ...personal, expiresAt: null })).toBeNull();
    expect(() => ensureRedeemable(personal, redeem)).not.toThrow();
  });

  it('names the reason a code cannot be redeemed', () => {
    expect(reason(null)).toBe('DISCOUNT_NOT_FOUND');
    expect(reason({ ...personal, status: 'revoked' })).toBe('CODE_REVOKED');
    expect(reason({ ...personal, status: 'used', usedAt: minutes(-5) })).toBe('CODE_ALREADY_USED');
    expect(reason({ ...personal, status: 'expired' })).toBe('CODE_EXPIRED');
    expect(reason({ ...personal, validFrom: minutes(1) })).toBe('CODE_NOT_YET_VALID');
    expect(reason({ ...personal, templateActive: false })).toBe('TEMPLATE_INACTIVE');
    expect(reason({ ...personal, suspendedAt: minutes(-1) })).toBe('CODE_REVOKED');
  });

  it('reads a code as expired the moment expires_at passes, before the hourly job', () => {
    expect(reason({ ...personal, expiresAt: now })).toBe('CODE_EXPIRED');
    expect(reason({ ...personal, expiresAt: minutes(0.001) })).toBeNull();
    expect(effectiveStatus({ status: 'active', expiresAt: now }, now)).toBe('expired');
    expect(effectiveStatus({ status: 'used', expiresAt: minutes(-10) }, now)).toBe('used');
    expect(effectiveStatus({ status: 'active', expiresAt: null }, now)).toBe('active');
  });

  it('says when a used code was used, even after it expired', () => {
    const refusal = refusalOf(
      { ...personal, status: 'used', usedAt: minutes(-120), expiresAt: minutes(-60) },
      redeem,
    ) as DomainError;
    expect(refusal.code).toBe('CODE_ALREADY_USED');
    expect(refusal.details).toMatchObject({ usedAt: minutes(-120).toISOString() });
  });

  it('checks the minimum purchase when the purchase is known', () => {
    const code = { ...personal, minPurchase: 100_000 };
    expect(reason(code, { purchaseAmount: 99_999 })).toBe('MIN_PURCHASE_NOT_MET');
    expect(reason(code, { purchaseAmount: 100_000 })).toBeNull();
    expect(reason(code, {})).toBeNull();
  });

  it('needs the purchase to redeem a code with a minimum where the channel knows it (till, admin API)', () => {
    const code = { ...personal, minPurchase: 100_000 };
    expect(reason(code, { purchaseKnown: true })).toBe('VALIDATION_FAILED');
    expect(reason(code, { purchaseKnown: true, purchaseAmount: 100_000 })).toBeNull();
    expect(reason(code, { purchaseKnown: true, intent: 'check' })).toBeNull();
    expect(reason(personal, { purchaseKnown: true })).toBeNull();
  });

  it('counts a shared code per client and up to its limit', () => {
    expect(reason(shared, { clientRedeemedAt: null })).toBeNull();
    expect(reason(shared, { clientRedeemedAt: minutes(-3) })).toBe('CODE_ALREADY_USED');
    expect(reason({ ...shared, redemptionCount: 3, status: 'used' }, { clientRedeemedAt: null })).toBe(
      'CODE_LIMIT_REACHED',
    );
    expect(
      reason({ ...shared, maxRedemptions: null, redemptionCount: 1000 }, { clientRedeemedAt: null }),
    ).toBeNull();
    // Redeeming needs to know the client; checking does not.
    expect(reason(shared, {})).toBe('VALIDATION_FAILED');
    expect(reason(shared, { intent: 'check' })).toBeNull();
  });

  it('prefers revoked over everything, and used over expired', () => {
    expect(reason({ ...personal, status: 'revoked', expiresAt: minutes(-1) })).toBe('CODE_REVOKED');
    expect(reason({ ...personal, status: 'used', validFrom: minutes(10) })).toBe('CODE_ALREADY_USED');
  });
});
