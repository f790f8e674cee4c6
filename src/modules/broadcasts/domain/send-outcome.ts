/**
 * What to do with a recipient after Telegram answered (or did not). Pure: the sender passes what it saw.
 * - `sent`: delivered, with the message id.
 * - `blocked`: 403 (blocked the bot, deactivated, cannot write first) or 400 "chat not found": the client
 *   is unreachable; no retry, the client's status becomes blocked.
 * - `rateLimited`: 429; everyone pauses `retryAfterSeconds`, the row goes back to pending (not an attempt).
 * - `retry`: Telegram said it failed (5xx, other 4xx that may pass later) or the request never left
 *   (connection refused): try again after a backoff, until max attempts.
 * - `failed`: a 400 that will fail the same way every time (bad HTML, bad file): no retry.
 * - `unknown`: the request may have reached Telegram but no answer came (timeout, connection reset): the
 *   message may have been delivered, so it is never sent again (at most once).
 */
export type SendOutcome =
  | { kind: 'sent'; messageId: number }
  | { kind: 'blocked'; errorCode: string }
  | { kind: 'rateLimited'; retryAfterSeconds: number; errorCode: string }
  | { kind: 'retry'; errorCode: string }
  | { kind: 'failed'; errorCode: string }
  | { kind: 'unknown'; errorCode: string };

/** What a failed call looked like: Telegram's answer, or a transport error's code/name. */
export interface SendFailure {
  /** Telegram's error_code when it answered (HTTP status for 5xx). */
  telegramCode?: number;
  description?: string;
  retryAfter?: number;
  /** A Node / fetch error code (`ECONNREFUSED`, `ECONNRESET`) or name (`AbortError`). */
  transportCode?: string;
}

/** Errors raised before a request was written to the socket: nothing can have reached Telegram. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'EADDRNOTAVAIL',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

export function classifyFailure(failure: SendFailure): SendOutcome {
  const { telegramCode, description = '' } = failure;
  if (telegramCode === undefined) {
    const code = failure.transportCode ?? 'NETWORK';
    return NOT_SENT.has(code) ? { kind: 'retry', errorCode: code } : { kind: 'unknown', errorCode: code };
  }
  const errorCode = String(telegramCode);
  if (telegramCode === 429) {
    return { kind: 'rateLimited', retryAfterSeconds: Math.max(1, failure.retryAfter ?? 1), errorCode };
  }
  if (telegramCode === 403) return { kind: 'blocked', errorCode };
  if (telegramCode === 400 && /chat not found|user not found|PEER_ID_INVALID/i.test(description)) {
    return { kind: 'blocked', errorCode };
  }
  if (telegramCode === 400) return { kind: 'failed', errorCode };
  return { kind: 'retry', errorCode };
}

/** Wait before attempt `attempt + 1` after a retryable failure: 1 s, 2 s, 4 s ... at most 60 s. */
export function retryDelayMs(attempt: number): number {
  return Math.min(60_000, 1000 * 2 ** Math.max(0, attempt - 1));
}
