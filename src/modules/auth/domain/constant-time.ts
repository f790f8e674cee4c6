import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (secret: string) => createHash('sha256').update(secret).digest();

/** Compares two secrets in time that does not depend on where they differ (or on their lengths). */
export function sameSecret(given: string, expected: string): boolean {
  // Hashing first gives equal-length inputs, so timingSafeEqual never throws and length leaks nothing.
  return timingSafeEqual(digest(given), digest(expected)) && given.length === expected.length;
}

/**
 * Configured secrets (the POS API keys), hashed once: a request's key is hashed once and compared with
 * every digest in constant time, instead of hashing every configured key again on every request.
 */
export class KnownSecrets {
  private readonly digests: Array<{ digest: Buffer; length: number }>;

  constructor(secrets: readonly string[]) {
    this.digests = secrets.map((secret) => ({ digest: digest(secret), length: secret.length }));
  }

  /** The position of the secret that matches, or -1; every one is compared, so timing does not reveal which. */
  indexOf(given: string): number {
    const mine = digest(given);
    let found = -1;
    this.digests.forEach(({ digest: theirs, length }, index) => {
      if (timingSafeEqual(mine, theirs) && given.length === length && found < 0) found = index;
    });
    return found;
  }
}
