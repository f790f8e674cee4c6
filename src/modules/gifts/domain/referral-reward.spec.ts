import { referralGifts } from './referral-reward';

describe('referral reward', () => {
  const facts = { userId: 20, redemptionId: 501, referredByUserId: 10, firstRedemptionId: 501 };

  it('gives both the friend and the inviter a code on the friend’s first redemption, once per pair', () => {
    expect(referralGifts(facts)).toEqual([
      { userId: 20, periodKey: 'ref-by-10' },
      { userId: 10, periodKey: 'ref-20' },
    ]);
  });

  it('gives nothing on a later redemption, without an inviter, or for a self-invite', () => {
    expect(referralGifts({ ...facts, redemptionId: 502 })).toEqual([]);
    expect(referralGifts({ ...facts, referredByUserId: null })).toEqual([]);
    expect(referralGifts({ ...facts, referredByUserId: 20 })).toEqual([]);
    expect(referralGifts({ ...facts, firstRedemptionId: null })).toEqual([]);
  });

  it('keeps period keys within the column (32 characters) for any id', () => {
    const [friend, inviter] = referralGifts({
      userId: 4_294_967_295,
      redemptionId: 1,
      referredByUserId: 4_294_967_294,
      firstRedemptionId: 1,
    });
    expect(friend.periodKey.length).toBeLessThanOrEqual(32);
    expect(inviter.periodKey.length).toBeLessThanOrEqual(32);
  });
});
