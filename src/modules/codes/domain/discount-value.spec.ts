import { discountAmount, formatRubles, formatValue } from './discount-value';

describe('discount amount (kopecks, exact integers)', () => {
  it.each([
    ['percent', 10, 100_000, 10_000],
    ['percent', 15, 99, 14], // 14.85 kopecks rounds down
    ['percent', 33, 1, 0],
    ['percent', 100, 12_345, 12_345],
    ['percent', 7, 2_147_483_647, 150_323_855], // 150 323 855.29
    ['fixed', 50_000, 120_000, 50_000],
    ['fixed', 50_000, 30_000, 30_000], // capped at the purchase
    ['fixed', 500, 0, 0],
  ] as const)('%s %i of %i => %i', (kind, value, purchase, expected) => {
    expect(discountAmount(kind, value, purchase)).toBe(expected);
  });

  it('never rounds up, for every percentage and many purchases', () => {
    for (let value = 1; value <= 100; value++) {
      for (const purchase of [1, 99, 101, 999, 123_457, 9_999_999]) {
        const amount = discountAmount('percent', value, purchase);
        expect(Number.isInteger(amount)).toBe(true);
        expect(amount * 100).toBeLessThanOrEqual(purchase * value);
        expect((amount + 1) * 100).toBeGreaterThan(purchase * value);
      }
    }
  });

  it('refuses fractional or negative purchases', () => {
    expect(() => discountAmount('percent', 10, 10.5)).toThrow(RangeError);
    expect(() => discountAmount('fixed', 10, -1)).toThrow(RangeError);
  });

  it('prints values as the shop does', () => {
    expect(formatValue('percent', 10)).toBe('10\u00A0%');
    expect(formatValue('fixed', 15_000)).toBe('150\u00A0₽');
    expect(formatRubles(15_050)).toBe('150,50\u00A0₽');
    expect(formatRubles(125_000_05)).toBe('125\u202F000,05\u00A0₽');
  });
});
