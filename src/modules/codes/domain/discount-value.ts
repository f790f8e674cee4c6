/** `percent`: value 1..100; `fixed`: value in kopecks. Mirrors the database enum without importing it. */
export type ValueKind = 'percent' | 'fixed';

/**
 * How many kopecks a code takes off a purchase of `purchase` kopecks, in exact integer arithmetic:
 * a percentage rounds down (the shop never gives away a fraction of a kopeck), a fixed amount is capped at
 * the purchase (a 500 ₽ code on a 300 ₽ purchase takes 300 ₽).
 */
export function discountAmount(kind: ValueKind, value: number, purchase: number): number {
  if (!Number.isSafeInteger(purchase) || purchase < 0) {
    throw new RangeError(`A purchase is a whole, non-negative number of kopecks, not ${purchase}`);
  }
  if (kind === 'fixed') return Math.min(value, purchase);
  const product = purchase * value; // < 2^53 for any purchase below 9 * 10^13 kopecks
  return (product - (product % 100)) / 100;
}

/** Kopecks as a shop would print them: `150 ₽`, `150,50 ₽`, `1 250 ₽` (narrow no-break space groups). */
export function formatRubles(kopecks: number): string {
  const rubles = Math.trunc(kopecks / 100);
  const rest = kopecks % 100;
  const grouped = String(rubles).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202F');
  return `${grouped}${rest === 0 ? '' : `,${String(rest).padStart(2, '0')}`}\u00A0₽`;
}

/** What a code is worth in words a cashier and a client read: `10 %` or `150 ₽`. */
export function formatValue(kind: ValueKind, value: number): string {
  return kind === 'percent' ? `${value}\u00A0%` : formatRubles(value);
}
