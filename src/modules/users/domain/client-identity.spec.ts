import { createHash } from 'node:crypto';
import { mayBeInvitedBy, newReferralCode, REFERRAL_CODE_ALPHABET, telegramIdHash } from './client-identity';

describe('client identity', () => {
  it('makes 8-character referral codes without look-alike characters', () => {
    for (let i = 0; i < 200; i++) expect(newReferralCode()).toMatch(/^[a-hjkmnp-z2-9]{8}$/);
    expect(REFERRAL_CODE_ALPHABET).not.toMatch(/[01ilo]/);
    let n = 0;
    expect(newReferralCode(() => n++ % 3)).toBe('abcabcab');
  });

  it('keeps a deleted client’s Telegram id as the SHA-256 of its digits', () => {
    expect(telegramIdHash(123456789)).toBe(createHash('sha256').update('123456789').digest('hex'));
    expect(telegramIdHash(123456789)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses self-invites and loops, by Telegram id or by a deleted client’s hash', () => {
    const link = (userId: number, telegramId: number | null, hash: string | null = null) => ({
      userId,
      telegramId,
      telegramIdHash: hash,
      referredByUserId: null,
    });
    expect(mayBeInvitedBy(100, [link(1, 200), link(2, 300)])).toBe(true);
    expect(mayBeInvitedBy(100, [link(1, 100)])).toBe(false);
    expect(mayBeInvitedBy(100, [link(1, 200), link(2, 100)])).toBe(false);
    expect(mayBeInvitedBy(100, [link(1, 200), link(2, null, telegramIdHash(100))])).toBe(false);
    expect(mayBeInvitedBy(100, [])).toBe(true);
  });
});
