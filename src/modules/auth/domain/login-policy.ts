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

/** Usernames are compared case-insensitively, so "Anna" and "anna" share one failure counter. */
export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** Whether the failure just counted (1-based) locks the username. */
export function locksAfter(failures: number): boolean {
  return failures >= LOGIN_POLICY.maxFailures;
}
