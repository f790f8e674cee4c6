/** Five failed logins for one username within 15 minutes lock it for 15 minutes (SPEC section 5). */
export const LOGIN_POLICY = {
  maxFailures: 5,
  windowSeconds: 15 * 60,
  lockSeconds: 15 * 60,
} as const;

/** JWTs live 24 hours; one-time Telegram login tokens and link codes 10 minutes. */
export const TOKEN_LIFETIME = {
  accessSeconds: 24 * 3600,
  telegramLoginSeconds: 10 * 60,
  linkCodeSeconds: 10 * 60,
} as const;

/**
 * The one form of a typed username, used alike for the failure counter, the lock and the lookup: NFKC
 * (full-width and other compatibility forms fold to plain letters), trimmed, lower-cased.
 */
export function normaliseUsername(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
}

/**
 * Whether a normalised username can belong to an admin: admins are created with 3..64 of `A-Z a-z 0-9 . _ -`.
 * Only such a name is looked up. Under the database's utf8mb4_unicode_ci two of them are equal exactly when
 * their lower-case forms are, so the counter and lock (keyed by that form) and the lookup cannot disagree;
 * an accented or otherwise ambiguous name (`víctim`, which the collation would take for `victim`) is never
 * looked up and counts only against itself.
 */
export function isUsernameForm(normalised: string): boolean {
  return /^[a-z0-9._-]{3,64}$/.test(normalised);
}

/** Whether the failure just counted (1-based) locks the username. */
export function locksAfter(failures: number): boolean {
  return failures >= LOGIN_POLICY.maxFailures;
}
