import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { UsageAction, UsageChannel } from './discount-usage-log.entity';
import { isDuplicateKey } from '../../../infrastructure/database/duplicate-key';
import { JsonPatch, jsonValue, Statement } from '../../../infrastructure/database/statement-batches';

/** What an idempotent request asked for: a second use of its key must ask for the same. */
export interface RequestFingerprint {
  code: string;
  purchaseAmount: number | null;
  terminalId: string | null;
  clientUserId: number | null;
}

/** The first answer to an idempotency key, kept in discount_usage_logs.response. */
export interface StoredAnswer {
  request: RequestFingerprint;
  redemption?: Record<string, unknown>;
  error?: { code: ErrorCode; message: string; details?: Record<string, unknown> };
}

export interface UsageRow {
  discountId: number | null;
  userId: number | null;
  cashierId: number | null;
  channel: UsageChannel;
  action: UsageAction;
  rejectCode: string | null;
  purchaseAmount: number | null;
  discountAmount: number | null;
  terminalId: string | null;
  idempotencyKey: string | null;
  response: StoredAnswer | null;
  createdAt: Date;
}

/** Whether an error is the unique key (channel, idempotency_key) refusing a second row for one key. */
export function isIdempotencyKeyTaken(error: unknown): boolean {
  return isDuplicateKey(error, 'uq_discount_usage_logs_channel_idempotency_key');
}

/** The error a stored answer holds, rebuilt so the HTTP body comes out as the first time. */
export function storedError(answer: StoredAnswer): DomainError | null {
  return answer.error ? new DomainError(answer.error.code, answer.error.message, answer.error.details) : null;
}

const COLUMNS = `discount_id, user_id, cashier_id, channel, action, reject_code, purchase_amount, discount_amount,
     terminal_id, idempotency_key, response, created_at`;
const INSERT_SQL = `INSERT INTO discount_usage_logs (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** A usage row's values in COLUMNS order, with `response` standing for the response column's values. */
const rowValues = (row: UsageRow, response: unknown[]): unknown[] => [
  row.discountId,
  row.userId,
  row.cashierId,
  row.channel,
  row.action,
  row.rejectCode,
  row.purchaseAmount,
  row.discountAmount,
  row.terminalId,
  row.idempotencyKey,
  ...response,
  row.createdAt,
];

/**
 * The usage row as one statement of a batch, written only when `guard` holds (the redemption's UPDATE
 * matched), its stored answer patched with what the batch learnt (the count after the UPDATE).
 */
export function guardedUsageInsert(row: UsageRow, guard: string, responsePatch?: JsonPatch): Statement {
  const response = row.response === null ? 'NULL' : jsonValue(responsePatch);
  return {
    sql:
      `INSERT INTO discount_usage_logs (${COLUMNS}) ` +
      `SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${response}, ? FROM DUAL WHERE ${guard}`,
    values: rowValues(row, row.response === null ? [] : [JSON.stringify(row.response)]),
  };
}

/** The row holding an idempotency key's first answer: its id is the redemption's id when it was one. */
export interface AnswerRow {
  id: number;
  response: StoredAnswer | null;
}

/**
 * Writes discount_usage_logs rows (every check and redemption attempt) and reads idempotent answers. Plain
 * SQL: this is the redemption's hot path, and the query builder costs more CPU than the round trip.
 */
@Injectable()
export class UsageJournal {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts one row and returns its id; throws ER_DUP_ENTRY when its idempotency key is taken. */
  async record(row: UsageRow, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const result = (await manager.query(
      INSERT_SQL,
      rowValues(row, [row.response === null ? null : JSON.stringify(row.response)]),
    )) as { insertId: number };
    return Number(result.insertId);
  }

  /** The row holding the first answer to `key` on `channel`, if any (uq_..._channel_idempotency_key). */
  async answerFor(channel: UsageChannel, key: string): Promise<AnswerRow | null> {
    const rows = (await this.dataSource.query(
      'SELECT id, response FROM discount_usage_logs WHERE channel = ? AND idempotency_key = ?',
      [channel, key],
    )) as Array<{ id: number; response: string | StoredAnswer | null }>;
    if (rows.length === 0) return null;
    const { id, response } = rows[0];
    // MariaDB keeps JSON as text; MySQL 8 hands it back parsed.
    return { id, response: typeof response === 'string' ? (JSON.parse(response) as StoredAnswer) : response };
  }
}
