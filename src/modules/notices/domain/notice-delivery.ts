/** How Telegram answered a failed message to a client, as far as the sender could tell. */
export interface NoticeFailure {
  /** Telegram's error_code when it answered; undefined for a network failure. */
  telegramCode?: number;
  description?: string;
  /** Seconds, with a 429. */
  retryAfter?: number;
}

/**
 * What to do about a notice Telegram refused:
 * - `blocked`: 403 (the client blocked the bot or left Telegram) or 400 "chat not found": the client is
 *   marked blocked and the notice dropped;
 * - `rate_limited`: 429: everyone waits `retryAfterMs`, then the same notice goes again;
 * - `dropped`: any other 400, which would fail the same way again;
 * - `retry`: 5xx or no answer: retried with backoff (a notice whose answer was lost may arrive twice;
 *   a gift announcement is worth that risk, unlike a broadcast).
 */
export type NoticeVerdict =
  | { kind: 'blocked' }
  | { kind: 'rate_limited'; retryAfterMs: number }
  | { kind: 'dropped' }
  | { kind: 'retry' };

export function noticeVerdict(failure: NoticeFailure): NoticeVerdict {
  const { telegramCode, description = '' } = failure;
  if (telegramCode === 429)
    return { kind: 'rate_limited', retryAfterMs: Math.max(1, failure.retryAfter ?? 1) * 1000 };
  if (telegramCode === 403) return { kind: 'blocked' };
  if (telegramCode === 400 && /chat not found|user not found|PEER_ID_INVALID/i.test(description)) {
    return { kind: 'blocked' };
  }
  if (telegramCode === 400) return { kind: 'dropped' };
  return { kind: 'retry' };
}
