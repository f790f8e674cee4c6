import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import * as mysql2 from 'mysql2';
import type { Pool, PoolConnection } from 'mysql2/promise';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { utcSessions } from './utc-session';

/** One statement of a batch: its SQL (constants and placeholders) and its values. */
export interface Statement {
  sql: string;
  values: unknown[];
}

/**
 * A value a batch learns as it runs (the id of the row it just inserted), set into a JSON text before it is
 * written: `JSON_SET(?, path, expression)`. `expression` is the caller's constant SQL (a user variable).
 */
export interface JsonPatch {
  path: string;
  expression: string;
}

/** A JSON path a patch may set: `$` and dotted member names, nothing that could leave the quotes. */
const JSON_PATH = /^\$[.\w]+$/;

/** `?` for a JSON text, or `JSON_SET(?, path, expression)` with a patch. */
export function jsonValue(patch?: JsonPatch): string {
  if (!patch) return '?';
  if (!JSON_PATH.test(patch.path)) throw new Error(`Not a JSON path a batch may set: ${patch.path}`);
  return `JSON_SET(?, '${patch.path}', ${patch.expression})`;
}

/**
 * Every value of a batch is a scalar mysql2 escapes as one literal: an object or array would be expanded
 * into SQL (`key = value` lists), a Buffer is not expected. A programming error, thrown before sending.
 */
export function assertScalarValues(values: readonly unknown[]): void {
  values.forEach((value, index) => {
    const ok =
      value === null ||
      value instanceof Date ||
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value));
    if (!ok) throw new Error(`Batch value #${index} is not a string, number, boolean, Date or null`);
  });
}

/** A batch's connections: a hot path's transactions, short and few at a time. */
const CONNECTIONS = 10;
/** Requests waiting for a connection beyond these are refused at once (503): an outage must not pile up. */
const QUEUE_LIMIT = 100;
/**
 * How long a request waits for a connection before it is answered 503: a new connection's connect (itself
 * bounded at 2 s) and a moment's queue behind the busy ones, on a loaded machine (a 2 s wait turned a slow
 * first connect into a 503 in the full e2e run).
 */
export const ACQUIRE_WAIT_MS = 5_000;

/** The pool is exhausted or the database does not give connections: answered 503 like any outage. */
const unavailable = (why: string) =>
  new DomainError(ErrorCode.SERVICE_UNAVAILABLE, `The database is not available: ${why}`);

/**
 * A pool of its own, with `multipleStatements`, for the hot paths that send a whole transaction in one round
 * trip (the redemption: START TRANSACTION, the conditional UPDATE, its rows each guarded by ROW_COUNT(),
 * COMMIT, and a SELECT of what it did). Kept apart from TypeORM's pool so that no other query can ever be
 * sent with several statements allowed. Values are always placeholders (`?`), escaped by mysql2; the SQL
 * text is the caller's constants. Same session as TypeORM's: UTC, utf8mb4, dates as UTC.
 */
@Injectable()
export class StatementBatches implements OnModuleDestroy {
  private readonly logger = new Logger(StatementBatches.name);
  private readonly pool: Pool;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const pool = mysql2.createPool({
      uri: config.databaseUrl,
      multipleStatements: true,
      // An object value is never expanded into SQL (it becomes its string; assertScalarValues refuses it).
      stringifyObjects: true,
      connectionLimit: CONNECTIONS,
      queueLimit: QUEUE_LIMIT,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      supportBigNumbers: true,
      bigNumberStrings: false,
      // As TypeORM's pool (database.module.ts): a database that does not answer in 2 s is down.
      connectTimeout: 2_000,
    });
    this.pool = utcSessions(pool).promise();
  }

  /**
   * Sends one batch of statements; answers the rows of its last statement. A batch that fails part-way
   * leaves its transaction open on the connection: it is rolled back before the connection goes back to
   * the pool (or the connection is dropped), and the error is thrown as mysql2 gave it.
   */
  async run<Row>(sql: string, values: unknown[]): Promise<Row[]> {
    assertScalarValues(values);
    const connection = await this.acquire();
    let usable = true;
    try {
      const [results] = await connection.query(sql, values);
      const all = results as unknown[];
      return all[all.length - 1] as Row[];
    } catch (error) {
      usable = await this.rollBack(connection);
      throw error;
    } finally {
      if (usable) connection.release();
    }
  }

  /**
   * A connection within ACQUIRE_WAIT_MS, else 503: mysql2's pool would keep a request queued for as long as
   * the database is away. A connection that arrives after the wait goes straight back to the pool.
   */
  private async acquire(): Promise<PoolConnection> {
    let timer: NodeJS.Timeout | undefined;
    let gaveUp = false;
    const pending = this.pool.getConnection().catch((error: unknown) => {
      if (error instanceof Error && /queue limit/i.test(error.message)) throw unavailable('too many waiting');
      throw error;
    });
    const wait = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        gaveUp = true;
        reject(unavailable(`no connection within ${ACQUIRE_WAIT_MS} ms`));
      }, ACQUIRE_WAIT_MS);
    });
    pending.then(
      (connection) => {
        if (gaveUp) connection.release();
      },
      () => undefined,
    );
    try {
      return await Promise.race([pending, wait]);
    } finally {
      clearTimeout(timer);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }

  /** Rolls a failed batch back; false when the connection is broken and was dropped instead. */
  private async rollBack(connection: PoolConnection): Promise<boolean> {
    try {
      await connection.query('ROLLBACK');
      return true;
    } catch (error) {
      // It must not serve another batch with a transaction half done.
      this.logger.warn({ err: error }, 'Could not roll a failed batch back; dropping its connection');
      connection.destroy();
      return false;
    }
  }
}
