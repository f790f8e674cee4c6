import { demoCode, demoDiscount, demoUser } from './demo-shop';
import { DemoRandom } from './random';

describe('demo shop rows', () => {
  const now = new Date('2026-11-25T00:00:00Z');

  it('gives every demo code a distinct 8-character code without look-alikes', () => {
    const codes = Array.from({ length: 50_000 }, (_, i) => demoCode(i + 1));
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((code) => /^D[2-9A-HJ-NP-Z]{7}$/.test(code))).toBe(true);
  });

  it('makes the same shop from the same seed, all of it test data with Cyrillic names', () => {
    const first = demoUser(1, new DemoRandom(7), now, null);
    expect(demoUser(1, new DemoRandom(7), now, null)).toEqual(first);
    expect(first.is_test).toBe(1);
    const random = new DemoRandom(1);
    const users = Array.from({ length: 500 }, (_, i) => demoUser(i + 1, random, now, null));
    expect(
      users.filter((u) => u.status !== 'deleted').every((u) => /^[А-ЯЁ][а-яё]+$/.test(String(u.first_name))),
    ).toBe(true);
    expect(users.every((u) => (u.created_at as Date) <= now)).toBe(true);
  });

  it('keeps a used code used before now and an expired one past its expiry', () => {
    const random = new DemoRandom(3);
    for (let i = 0; i < 1000; i++) {
      const row = demoDiscount(i + 1, 1, new Date('2026-01-01T00:00:00Z'), random, now);
      if (row.status === 'used') expect((row.used_at as Date).getTime()).toBeLessThanOrEqual(now.getTime());
      if (row.status === 'expired') expect((row.expires_at as Date).getTime()).toBeLessThan(now.getTime());
      expect(row.is_test).toBe(1);
    }
  });
});
