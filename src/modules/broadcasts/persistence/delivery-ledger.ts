import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeliveryCounts, NO_DELIVERIES } from '../domain/broadcast-lifecycle';
import { DeliveryStatus } from './broadcast-delivery.entity';

/** A recipient row ready to send, with what the sender needs from `users`. */
export interface Recipient {
  userId: number;
  telegramId: number | null;
  userStatus: string;
  attempts: number;
}

interface Changed {
  affectedRows: number;
}

/**
 * broadcast_deliveries, the table that makes a broadcast reach each recipient at most once. Every state
 * change is a conditional UPDATE checked by affected rows, for a batch of rows at a time: a row is claimed
 * `pending` -> `sending` before its API call (and only while its broadcast is `sending`, so a cancel stops
 * every later claim at once), and leaves `sending` only through one of the mark* / release methods. Times
 * come from the caller's Clock.
 */
@Injectable()
export class DeliveryLedger {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Adds the users an audience query selects (`SELECT u.id ... ORDER BY u.id LIMIT n`) as pending rows.
   * INSERT IGNORE on the primary key: a retried start adds nobody twice. Answers the rows added.
   */
  async addRecipients(broadcastId: number, audienceSql: string, audienceParams: unknown[]): Promise<number> {
    const result = (await this.dataSource.query(
      `INSERT IGNORE INTO broadcast_deliveries (broadcast_id, user_id, status, attempts) ` +
        `SELECT ?, audience.id, 'pending', 0 FROM (${audienceSql}) audience`,
      [broadcastId, ...audienceParams],
    )) as Changed;
    return result.affectedRows;
  }

  /** The highest user id already added (0 for none): a retried start resumes after it. */
  async lastUserId(broadcastId: number): Promise<number> {
    const rows = (await this.dataSource.query(
      'SELECT MAX(user_id) AS last FROM broadcast_deliveries WHERE broadcast_id = ?',
      [broadcastId],
    )) as Array<{ last: number | null }>;
    return Number(rows[0]?.last ?? 0);
  }

  async total(broadcastId: number): Promise<number> {
    const rows = (await this.dataSource.query(
      'SELECT COUNT(*) AS n FROM broadcast_deliveries WHERE broadcast_id = ?',
      [broadcastId],
    )) as Array<{ n: number | string }>;
    return Number(rows[0]?.n ?? 0);
  }

  /** Consecutive user-id ranges of at most `size` rows each, covering every row of the broadcast. */
  async ranges(broadcastId: number, size: number): Promise<Array<{ fromUserId: number; toUserId: number }>> {
    const ranges: Array<{ fromUserId: number; toUserId: number }> = [];
    let after = 0;
    for (;;) {
      const rows = (await this.dataSource.query(
        'SELECT user_id FROM broadcast_deliveries WHERE broadcast_id = ? AND user_id > ? ' +
          'ORDER BY user_id LIMIT ?',
        [broadcastId, after, size],
      )) as Array<{ user_id: number }>;
      if (rows.length === 0) return ranges;
      const fromUserId = Number(rows[0].user_id);
      const toUserId = Number(rows[rows.length - 1].user_id);
      ranges.push({ fromUserId, toUserId });
      if (rows.length < size) return ranges;
      after = toUserId;
    }
  }

  /** Pending rows of a range, oldest user first, with the client's Telegram id and status now. */
  async pendingIn(broadcastId: number, fromUserId: number, toUserId: number): Promise<Recipient[]> {
    const rows = (await this.dataSource.query(
      'SELECT d.user_id, d.attempts, u.telegram_id, u.status FROM broadcast_deliveries d ' +
        'JOIN users u ON u.id = d.user_id ' +
        "WHERE d.broadcast_id = ? AND d.status = 'pending' AND d.user_id BETWEEN ? AND ? ORDER BY d.user_id",
      [broadcastId, fromUserId, toUserId],
    )) as Array<{ user_id: number; attempts: number; telegram_id: number | string | null; status: string }>;
    return rows.map((row) => ({
      userId: Number(row.user_id),
      telegramId: row.telegram_id === null ? null : Number(row.telegram_id),
      userStatus: row.status,
      attempts: Number(row.attempts),
    }));
  }

  /**
   * Claims rows for sending in one UPDATE: `pending` -> `sending`, one more attempt, only while the
   * broadcast is `sending`. Answers the user ids this caller now owns (and must settle): all it asked
   * for in the usual case; when another run of the range took some, the rows carrying this claim's token.
   */
  async claimMany(broadcastId: number, userIds: readonly number[], now: Date): Promise<number[]> {
    if (userIds.length === 0) return [];
    const token = randomBytes(9).toString('base64url');
    const result = (await this.dataSource.query(
      "UPDATE broadcast_deliveries d JOIN broadcasts b ON b.id = d.broadcast_id SET d.status = 'sending', " +
        'd.attempts = d.attempts + 1, d.claim_token = ?, d.updated_at = ? ' +
        `WHERE d.broadcast_id = ? AND d.user_id IN (${marks(userIds)}) AND d.status = 'pending' ` +
        "AND b.status = 'sending'",
      [token, now, broadcastId, ...userIds],
    )) as Changed;
    if (result.affectedRows === userIds.length) return [...userIds];
    if (result.affectedRows === 0) return [];
    const rows = (await this.dataSource.query(
      `SELECT user_id FROM broadcast_deliveries WHERE broadcast_id = ? AND user_id IN (${marks(userIds)}) ` +
        "AND status = 'sending' AND claim_token = ?",
      [broadcastId, ...userIds, token],
    )) as Array<{ user_id: number }>;
    return rows.map((row) => Number(row.user_id));
  }

  /**
   * Claimed rows of one broadcast were delivered: one statement for all of them. Answers the rows changed.
   */
  async markManySent(
    broadcastId: number,
    sent: ReadonlyArray<{ userId: number; messageId: number }>,
    now: Date,
  ): Promise<number> {
    if (sent.length === 0) return 0;
    const result = (await this.dataSource.query(
      `UPDATE broadcast_deliveries SET status = 'sent', error_code = NULL, sent_at = ?, updated_at = ?, ` +
        `telegram_message_id = CASE user_id ${sent.map(() => 'WHEN ? THEN ?').join(' ')} END ` +
        `WHERE broadcast_id = ? AND status = 'sending' AND user_id IN (${marks(sent)})`,
      [
        now,
        now,
        ...sent.flatMap(({ userId, messageId }) => [userId, messageId]),
        broadcastId,
        ...sent.map(({ userId }) => userId),
      ],
    )) as Changed;
    return result.affectedRows;
  }

  /**
   * Claimed rows that ended without delivery for good (`blocked`, `failed`) or maybe delivered (`unknown`),
   * in one statement. Answers the rows changed.
   */
  markManyFinal(
    broadcastId: number,
    status: 'blocked' | 'failed' | 'unknown',
    rows: readonly Ended[],
    now: Date,
  ): Promise<number> {
    return this.settleMany(broadcastId, 'sending', status, rows, now, false);
  }

  /** Claimed rows not delivered that will be tried again, in one statement; a 429 gives the attempt back. */
  releaseMany(broadcastId: number, rows: readonly Ended[], now: Date, refundAttempt: boolean) {
    return this.settleMany(broadcastId, 'sending', 'pending', rows, now, refundAttempt);
  }

  /** Pending rows that will not be sent at all (the client was deleted or blocked the bot since). */
  skipMany(broadcastId: number, status: 'failed' | 'blocked', rows: readonly Ended[], now: Date) {
    return this.settleMany(broadcastId, 'pending', status, rows, now, false);
  }

  /**
   * Rows of a range left `sending` by a run that is gone (a crashed worker whose chunk job runs again):
   * they become `unknown` and are never sent again. Answers how many.
   */
  async orphansToUnknown(broadcastId: number, fromUserId: number, toUserId: number, now: Date) {
    const result = (await this.dataSource.query(
      "UPDATE broadcast_deliveries SET status = 'unknown', error_code = 'INTERRUPTED', updated_at = ? " +
        "WHERE broadcast_id = ? AND status = 'sending' AND user_id BETWEEN ? AND ?",
      [now, broadcastId, fromUserId, toUserId],
    )) as Changed;
    return result.affectedRows;
  }

  /** Rows `sending` for longer than any send can take (the sweep): `unknown`. Answers how many. */
  async staleToUnknown(broadcastId: number, claimedBefore: Date, now: Date): Promise<number> {
    const result = (await this.dataSource.query(
      "UPDATE broadcast_deliveries SET status = 'unknown', error_code = 'STALE', updated_at = ? " +
        "WHERE broadcast_id = ? AND status = 'sending' AND updated_at < ?",
      [now, broadcastId, claimedBefore],
    )) as Changed;
    return result.affectedRows;
  }

  async counts(broadcastId: number): Promise<DeliveryCounts> {
    const rows = (await this.dataSource.query(
      'SELECT status, COUNT(*) AS n FROM broadcast_deliveries WHERE broadcast_id = ? GROUP BY status',
      [broadcastId],
    )) as Array<{ status: DeliveryStatus; n: number | string }>;
    const counts: DeliveryCounts = { ...NO_DELIVERIES };
    for (const row of rows) counts[row.status] = Number(row.n);
    return counts;
  }

  /** Whether any row still waits or is in flight (cheap: stops at the first). */
  async hasOpenRows(broadcastId: number): Promise<boolean> {
    const rows = (await this.dataSource.query(
      "SELECT 1 FROM broadcast_deliveries WHERE broadcast_id = ? AND status IN ('pending', 'sending') LIMIT 1",
      [broadcastId],
    )) as unknown[];
    return rows.length > 0;
  }

  private async settleMany(
    broadcastId: number,
    from: 'pending' | 'sending',
    status: DeliveryStatus,
    rows: readonly Ended[],
    now: Date,
    refundAttempt: boolean,
  ): Promise<number> {
    if (rows.length === 0) return 0;
    const result = (await this.dataSource.query(
      `UPDATE broadcast_deliveries SET status = ?, updated_at = ?, attempts = attempts - ?, ` +
        `error_code = CASE user_id ${rows.map(() => 'WHEN ? THEN ?').join(' ')} END ` +
        `WHERE broadcast_id = ? AND status = ? AND user_id IN (${marks(rows)})`,
      [
        status,
        now,
        refundAttempt ? 1 : 0,
        ...rows.flatMap(({ userId, errorCode }) => [userId, errorCode]),
        broadcastId,
        from,
        ...rows.map(({ userId }) => userId),
      ],
    )) as Changed;
    return result.affectedRows;
  }
}

/** A row leaving its state, with the code kept on it (Telegram's error_code or a transport error). */
export interface Ended {
  userId: number;
  errorCode: string;
}

/** `?, ?, ?` for an IN list. */
const marks = (items: readonly unknown[]): string => items.map(() => '?').join(', ');
