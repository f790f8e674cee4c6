import { isDependencyOutage } from '../../common/errors/dependency-outage';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';

/**
 * How an update's handling ended when it threw: `retry` (MariaDB, Redis or Telegram unavailable, or the
 * handler timed out: the same update can succeed later, so it is not marked handled and Telegram delivers it
 * again), `refused` (a business rule said no and the person is told: handled), `failed` (a bug: recorded for
 * the owner, marked handled, so it cannot block the updates behind it).
 */
export type UpdateOutcome = 'retry' | 'refused' | 'failed';

export function updateOutcome(error: unknown): UpdateOutcome {
  if (isDependencyOutage(error) || isTelegramUnavailable(error) || isHandlerTimeout(error)) return 'retry';
  if (error instanceof DomainError) return 'refused';
  return 'failed';
}

/** Telegram answered 5xx or 429, or could not be reached (a refused or reset connection, a timeout). */
export function isTelegramUnavailable(error: unknown): boolean {
  if (error instanceof DomainError) return error.code === ErrorCode.TELEGRAM_UNAVAILABLE;
  const telegram = error as { response?: { error_code?: unknown }; name?: unknown; type?: unknown };
  const status = telegram?.response?.error_code;
  if (typeof status === 'number') return status >= 500 || status === 429;
  // node-fetch's FetchError (telegraf's transport) for a network failure or a timeout.
  return telegram?.name === 'FetchError' || telegram?.type === 'request-timeout';
}

/** telegraf abandons a handler after handlerTimeout with p-timeout's TimeoutError. */
function isHandlerTimeout(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'TimeoutError';
}
