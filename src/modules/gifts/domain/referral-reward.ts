/** One code of the referral template to give: to whom, and under which period key (once per pair). */
export interface ReferralGift {
  userId: number;
  periodKey: string;
}

/** What is known about a redemption's client when deciding on the referral reward. */
export interface ReferralFacts {
  /** The client whose code was redeemed. */
  userId: number;
  /** The redemption being looked at (its usage-log row). */
  redemptionId: number;
  /** Who invited the client (`/start ref_<code>`), if anyone. */
  referredByUserId: number | null;
  /** The client's very first redemption (lowest usage-log id among their `redeemed` rows). */
  firstRedemptionId: number | null;
}

/**
 * The referral reward (SPEC 3): when an invited client's first code is redeemed, the client and their
 * inviter both get the referral template's code. Nothing for a later redemption, for a client nobody
 * invited, or for a self-invite. The period keys make it once per pair however often it is asked:
 * the inviter's is per friend (`ref-<friend>`), the friend's per inviter (`ref-by-<inviter>`).
 */
export function referralGifts(facts: ReferralFacts): ReferralGift[] {
  const inviter = facts.referredByUserId;
  if (inviter === null || inviter === facts.userId) return [];
  if (facts.firstRedemptionId !== facts.redemptionId) return [];
  return [
    { userId: facts.userId, periodKey: `ref-by-${inviter}` },
    { userId: inviter, periodKey: `ref-${facts.userId}` },
  ];
}
