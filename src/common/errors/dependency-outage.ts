import { DomainError } from './domain-error';
import { ErrorCode } from './error-code';

/** Socket-level failures: the server is down, restarting, or unreachable. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** mysql2's codes for a lost or refused database connection, and MariaDB's for a server going away. */
const DATABASE_CODES = new Set([
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_QUIT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
]);

/** What ioredis and mysql2 say when a command meets a closed or never-ready connection. */
const OUTAGE_MESSAGES = [
  /^Connection is closed\.?$/,
  /Stream isn't writeable/,
  /^Command timed out$/,
  /Reached the max retries per request limit/,
  /Can't add new command when connection is in closed state/,
  /^Pool is closed\.?$/,
  /connect ETIMEDOUT/,
];

/** The error and everything it wraps (TypeORM's driverError, an Error's cause). */
function* chain(error: unknown): Generator<Record<string, unknown>> {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const record = current as Record<string, unknown>;
    yield record;
    current = record.driverError ?? record.cause;
  }
}

/**
 * Whether an error means MariaDB or Redis (or the way to them) is unavailable right now, so the same
 * request can succeed later: answered 503 SERVICE_UNAVAILABLE with Retry-After, and a Telegram update is
 * left for Telegram to deliver again. A bug or a business refusal is not an outage.
 */
export function isDependencyOutage(error: unknown): boolean {
  if (error instanceof DomainError) return error.code === ErrorCode.SERVICE_UNAVAILABLE;
  for (const link of chain(error)) {
    const code = typeof link.code === 'string' ? link.code : '';
    if (NETWORK_CODES.has(code) || DATABASE_CODES.has(code)) return true;
    if (link.name === 'MaxRetriesPerRequestError') return true;
    if (link.fatal === true && typeof link.errno === 'number') return true;
    const message = typeof link.message === 'string' ? link.message : '';
    if (OUTAGE_MESSAGES.some((pattern) => pattern.test(message))) return true;
  }
  return false;
}

/** Seconds a client is asked to wait before trying again after a 503 (Retry-After). */
export const RETRY_AFTER_OUTAGE_SECONDS = 5;
