import { createHash, randomInt } from 'node:crypto';

/** Lower-case letters and digits without look-alikes (0/o, 1/l/i), so a code survives being read aloud. */
export const REFERRAL_CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const REFERRAL_CODE_LENGTH = 8;

/** A new short referral code (`ref_<code>` links): 8 characters of a 31-letter alphabet from a CSPRNG. */
export function newReferralCode(random: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < REFERRAL_CODE_LENGTH; i++)
    code += REFERRAL_CODE_ALPHABET[random(REFERRAL_CODE_ALPHABET.length)];
  return code;
}

/** What a deleted client's Telegram id is kept as: SHA-256 (hex) of its decimal digits. */
export function telegramIdHash(telegramId: number): string {
  return createHash('sha256').update(String(telegramId)).digest('hex');
}

/** One client in a chain of invitations: who they are, and who invited them. */
export interface ReferralLink {
  userId: number;
  telegramId: number | null;
  telegramIdHash: string | null;
  referredByUserId: number | null;
}

/**
 * Whether a person (by Telegram id) may be recorded as invited by the first client of `chain` (the
 * inviter, then the inviter's inviter, ...): not when the person is anywhere in that chain, under their
 * current id or as a deleted client's hash. That refuses self-invites and loops (A invites B, B invites A).
 */
export function mayBeInvitedBy(telegramId: number, chain: readonly ReferralLink[]): boolean {
  const hash = telegramIdHash(telegramId);
  return !chain.some((link) => link.telegramId === telegramId || link.telegramIdHash === hash);
}
