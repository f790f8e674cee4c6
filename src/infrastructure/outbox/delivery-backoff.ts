/** The first retry waits this long; each further one twice as long, up to the cap. */
export const FIRST_RETRY_MS = 1_000;
export const MAX_RETRY_MS = 5 * 60_000;
/** After this many attempts a delivery is `failed` (about an hour of retries), for an owner to retry. */
export const MAX_ATTEMPTS = 20;

/** How long to wait after failed attempt number `attempts` (1-based): exponential, capped, ±10 % jitter. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const exponential = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (0.9 + 0.2 * random()));
}

/** Whether a delivery that just failed its attempt number `attempts` gives up. */
export const isLastAttempt = (attempts: number, maxAttempts = MAX_ATTEMPTS): boolean =>
  attempts >= maxAttempts;

/** A consumer still running at its time-out (it goes on: nothing can stop a promise). */
export class ConsumerTimeout extends Error {
  override readonly name = 'ConsumerTimeout';
}

/**
 * When a failed attempt is tried again: after the backoff's delay for the `tries` so far (every failed try,
 * outages included, so an outage still backs off), and for a consumer that timed out (and may still be
 * running) not before its claim runs out (`lockedUntil`), so its retry never runs beside it (a cashier told
 * twice).
 */
export function nextTryAt(
  now: Date,
  tries: number,
  lockedUntil: Date,
  error: unknown,
  random: () => number = Math.random,
): Date {
  const backoff = now.getTime() + retryDelayMs(tries, random);
  if (!(error instanceof ConsumerTimeout)) return new Date(backoff);
  return new Date(Math.max(backoff, lockedUntil.getTime()));
}
