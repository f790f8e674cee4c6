/**
 * The one Telegram failure policy of every message the bots send on their own: announcements, owners'
 * alerts and broadcasts (a direct reply's failure is the bot runtime's). Pure: a sender passes what it saw.
 */

/** What a failed call looked like: Telegram's answer, or a transport error's code or name. */
export interface TelegramFailure {
  /** Telegram's error_code when it answered (the HTTP status for a 5xx). */
  telegramCode?: number;
  description?: string;
  /** Seconds, with a 429. */
  retryAfter?: number;
  /** A Node / fetch error code (`ECONNREFUSED`, `ECONNRESET`) or name (`AbortError`). */
  transportCode?: string;
}

/**
 * - `blocked`: 403 (blocked the bot, deactivated, cannot write first) or 400 "chat not found": the person is
 *   unreachable; never retried (a client becomes blocked);
 * - `rateLimited`: 429: every sender of the bot waits `retryAfterSeconds`, then the same message goes again;
 * - `refused`: any other 400 (bad HTML, bad file): it would fail the same way again;
 * - `retry`: a 5xx or another 4xx that may pass later, or a request that never left (connection refused);
 * - `unknown`: the request may have reached Telegram but no answer came (timeout, reset): it may have been
 *   delivered. A broadcast never sends it again (at most once); a notice retries (a gift announcement is worth
 *   the risk of arriving twice).
 */
export type TelegramVerdict =
  | { kind: 'blocked' }
  | { kind: 'rateLimited'; retryAfterSeconds: number }
  | { kind: 'refused' }
  | { kind: 'retry' }
  | { kind: 'unknown' };

/** Errors raised before a request was written to the socket: nothing can have reached Telegram. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'EADDRNOTAVAIL',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

const UNREACHABLE = /chat not found|user not found|PEER_ID_INVALID/i;

export function telegramVerdict(failure: TelegramFailure): TelegramVerdict {
  const { telegramCode, description = '' } = failure;
  if (telegramCode === undefined) {
    return NOT_SENT.has(failure.transportCode ?? 'NETWORK') ? { kind: 'retry' } : { kind: 'unknown' };
  }
  if (telegramCode === 429)
    return { kind: 'rateLimited', retryAfterSeconds: Math.max(1, failure.retryAfter ?? 1) };
  if (telegramCode === 403) return { kind: 'blocked' };
  if (telegramCode === 400) return UNREACHABLE.test(description) ? { kind: 'blocked' } : { kind: 'refused' };
  return { kind: 'retry' };
}

/** What a thrown error says about the call: Telegram's answer (telegraf's TelegramError), or a transport error. */
export function failureOf(error: unknown): TelegramFailure {
  const e = error as {
    response?: { error_code?: unknown; description?: unknown; parameters?: { retry_after?: unknown } };
    code?: unknown;
    name?: unknown;
  };
  if (e?.response && typeof e.response.error_code === 'number') {
    return {
      telegramCode: e.response.error_code,
      description: typeof e.response.description === 'string' ? e.response.description : undefined,
      retryAfter:
        typeof e.response.parameters?.retry_after === 'number'
          ? e.response.parameters.retry_after
          : undefined,
    };
  }
  const code = typeof e?.code === 'string' ? e.code : typeof e?.name === 'string' ? e.name : 'NETWORK';
  return { transportCode: code };
}
