import { createHash, timingSafeEqual } from 'node:crypto';

/** Compares two secrets in time that does not depend on where they differ (or on their lengths). */
export function sameSecret(given: string, expected: string): boolean {
  // Hashing first gives equal-length inputs, so timingSafeEqual never throws and length leaks nothing.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

/** The position of the key that matches, or -1; every key is compared, so timing does not reveal which. */
export function matchingKeyIndex(given: string, keys: readonly string[]): number {
  let found = -1;
  keys.forEach((key, index) => {
    if (sameSecret(given, key) && found < 0) found = index;
  });
  return found;
}
