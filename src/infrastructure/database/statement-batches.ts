import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import * as mysql2 from 'mysql2';
import type { Pool, PoolConnection } from 'mysql2/promise';
import { APP_CONFIG, AppConfig } from '../../config/app-config';

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

/** `?` for a JSON text, or `JSON_SET(?, path, expression)` with a patch. */
export const jsonValue = (patch?: JsonPatch): string =>
  patch ? `JSON_SET(?, '${patch.path}', ${patch.expression})` : '?';

/** A batch's connections: a hot path's transactions, short and few at a time. */
const CONNECTIONS = 10;

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
      connectionLimit: CONNECTIONS,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      supportBigNumbers: true,
      bigNumberStrings: false,
      // As TypeORM's pool (database.module.ts): a database that does not answer in 2 s is down.
      connectTimeout: 2_000,
    });
    pool.on('connection', (connection) => {
      connection.query("SET time_zone = '+00:00'", (error) => {
        if (error) connection.destroy();
      });
    });
    this.pool = pool.promise();
  }

  /**
   * Sends one batch of statements; answers the rows of its last statement. A batch that fails part-way
   * leaves its transaction open on the connection: it is rolled back before the connection goes back to
   * the pool (or the connection is dropped), and the error is thrown as mysql2 gave it.
   */
  async run<Row>(sql: string, values: unknown[]): Promise<Row[]> {
    const connection = await this.pool.getConnection();
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
