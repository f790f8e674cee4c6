import { TelegramFailure, telegramVerdict } from '../../notices/domain/telegram-failure';

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

/** A broadcast's outcome under the one Telegram failure policy, with the code kept on the delivery row. */
export function classifyFailure(failure: TelegramFailure): SendOutcome {
  const errorCode =
    failure.telegramCode === undefined ? (failure.transportCode ?? 'NETWORK') : String(failure.telegramCode);
  const verdict = telegramVerdict(failure);
  switch (verdict.kind) {
    case 'rateLimited':
      return { kind: 'rateLimited', retryAfterSeconds: verdict.retryAfterSeconds, errorCode };
    case 'refused':
      return { kind: 'failed', errorCode };
    default:
      return { kind: verdict.kind, errorCode };
  }
}

/** Wait before attempt `attempt + 1` after a retryable failure: 1 s, 2 s, 4 s ... at most 60 s. */
export function retryDelayMs(attempt: number): number {
  return Math.min(60_000, 1000 * 2 ** Math.max(0, attempt - 1));
}
