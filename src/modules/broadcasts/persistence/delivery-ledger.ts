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
 * change is one conditional UPDATE checked by affected rows: a row is claimed `pending` -> `sending` before
 * its API call (and only while its broadcast is `sending`, so a cancel stops every later claim at once),
 * and leaves `sending` only through one of the mark* methods. Times come from the caller's Clock.
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
   * Claims one row for sending: `pending` -> `sending`, one more attempt, only while the broadcast is
   * `sending`. True when this caller now owns the row (and must settle it).
   */
  async claim(broadcastId: number, userId: number, now: Date): Promise<boolean> {
    const result = (await this.dataSource.query(
      "UPDATE broadcast_deliveries d JOIN broadcasts b ON b.id = d.broadcast_id SET d.status = 'sending', " +
        'd.attempts = d.attempts + 1, d.updated_at = ? ' +
        "WHERE d.broadcast_id = ? AND d.user_id = ? AND d.status = 'pending' AND b.status = 'sending'",
      [now, broadcastId, userId],
    )) as Changed;
    return result.affectedRows === 1;
  }

  /**
   * Several claimed rows of one broadcast were delivered: one statement for all (the sends of a process
   * are recorded together, so the database sees one write where it would see dozens). Answers the rows
   * changed.
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
        `WHERE broadcast_id = ? AND status = 'sending' AND user_id IN (${sent.map(() => '?').join(', ')})`,
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

  /** A claimed row ended without delivery for good (`blocked`, `failed`) or maybe delivered (`unknown`). */
  markFinal(
    broadcastId: number,
    userId: number,
    status: 'blocked' | 'failed' | 'unknown',
    errorCode: string,
    now: Date,
  ): Promise<boolean> {
    return this.settle(broadcastId, userId, 'sending', { status, errorCode, now });
  }

  /** A claimed row was not delivered and will be tried again; a 429 gives its attempt back. */
  release(broadcastId: number, userId: number, errorCode: string, now: Date, refundAttempt: boolean) {
    return this.settle(broadcastId, userId, 'sending', {
      status: 'pending',
      errorCode,
      now,
      refundAttempt,
    });
  }

  /** A pending row that will not be sent at all (the client was deleted or blocked the bot since). */
  skip(broadcastId: number, userId: number, status: 'failed' | 'blocked', errorCode: string, now: Date) {
    return this.settle(broadcastId, userId, 'pending', { status, errorCode, now });
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

  private async settle(
    broadcastId: number,
    userId: number,
    from: 'pending' | 'sending',
    change: {
      status: DeliveryStatus;
      errorCode: string | null;
      now: Date;
      telegramMessageId?: number;
      sentAt?: Date;
      refundAttempt?: boolean;
    },
  ): Promise<boolean> {
    const result = (await this.dataSource.query(
      'UPDATE broadcast_deliveries SET status = ?, error_code = ?, updated_at = ?, ' +
        'telegram_message_id = COALESCE(?, telegram_message_id), sent_at = COALESCE(?, sent_at), ' +
        'attempts = attempts - ? WHERE broadcast_id = ? AND user_id = ? AND status = ?',
      [
        change.status,
        change.errorCode,
        change.now,
        change.telegramMessageId ?? null,
        change.sentAt ?? null,
        change.refundAttempt ? 1 : 0,
        broadcastId,
        userId,
        from,
      ],
    )) as Changed;
    return result.affectedRows === 1;
  }
}
