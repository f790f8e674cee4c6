import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** A delivery claimed by a dispatcher, with its fact. */
export interface ClaimedDelivery {
  eventId: string;
  consumer: string;
  type: string;
  payload: unknown;
  createdAt: Date;
  /** Attempts before this one (counted towards the limit). */
  attempts: number;
  /** Earlier failed tries that met a dependency outage (not counted, but backed off). */
  outages: number;
  /** The claim's lease: the result is written only while the row still carries it. */
  lease: string;
  /** When the claim runs out. */
  lockedUntil: Date;
}

/** A delivery that gave up, for an owner. */
export interface FailedDelivery {
  eventId: string;
  consumer: string;
  type: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  failedAt: Date;
}

/** Longest text of an error kept on the row. */
const ERROR_CHARS = 2000;

/*
 * The claim is one UPDATE that stamps a lease on up to `limit` due rows: InnoDB locks each row it changes,
 * and a second dispatcher's UPDATE, waiting on those locks, re-reads them and finds them leased. Nobody holds
 * a transaction open while a consumer runs (it may wait seconds for Telegram); a dispatcher that dies
 * leaves its lease to run out (locked_until), and the rows are claimed again.
 */
const CLAIM = `
  UPDATE outbox_deliveries
     SET lease = ?, locked_until = ?
   WHERE status = 'pending' AND next_attempt_at <= ? AND (locked_until IS NULL OR locked_until <= ?)
   ORDER BY next_attempt_at
   LIMIT ?`;

const CLAIMED = `
  SELECT d.event_id, d.consumer, d.attempts, d.outages, e.type, e.payload, e.created_at
    FROM outbox_deliveries d JOIN outbox_events e ON e.event_id = d.event_id
   WHERE d.lease = ?`;

/** The outbox_deliveries rows: claim, settle, list and retry. Plain SQL: the dispatcher's hot loop. */
@Injectable()
export class OutboxDeliveries {
  constructor(private readonly dataSource: DataSource) {}

  /** Leases up to `limit` due deliveries until `until`; answers them with their facts. */
  async claim(now: Date, until: Date, limit: number): Promise<ClaimedDelivery[]> {
    const lease = randomUUID();
    const result = (await this.dataSource.query(CLAIM, [lease, until, now, now, limit])) as {
      affectedRows: number;
    };
    if (result.affectedRows === 0) return [];
    const rows = (await this.dataSource.query(CLAIMED, [lease])) as Array<{
      event_id: string;
      consumer: string;
      attempts: number;
      outages: number;
      type: string;
      payload: string | object;
      created_at: Date;
    }>;
    return rows.map((row) => ({
      eventId: row.event_id,
      consumer: row.consumer,
      type: row.type,
      // The driver hands a JSON column over parsed (MariaDB's JSON is LONGTEXT with a check; mysql2 may not).
      payload: typeof row.payload === 'string' ? (JSON.parse(row.payload) as unknown) : row.payload,
      createdAt: row.created_at,
      attempts: row.attempts,
      outages: row.outages,
      lease,
      lockedUntil: until,
    }));
  }

  /**
   * The consumer did its work. False when the row no longer carries this claim's lease (the lease ran out
   * and another dispatcher claimed it, or it has been settled since): its newer result is kept.
   */
  async done(delivery: ClaimedDelivery, now: Date): Promise<boolean> {
    const result = (await this.dataSource.query(
      `UPDATE outbox_deliveries
          SET status = 'done', attempts = attempts + 1, done_at = ?, lease = NULL, locked_until = NULL, last_error = NULL
        WHERE event_id = ? AND consumer = ? AND lease = ?`,
      [now, delivery.eventId, delivery.consumer, delivery.lease],
    )) as { affectedRows: number };
    return result.affectedRows === 1;
  }

  /**
   * The attempt failed: try again at `retryAt`, or give up (`retryAt` null: status failed, and
   * next_attempt_at keeps the time it failed). An `outage` (a dependency away) counts in `outages`, not in
   * `attempts`. False when the row no longer carries this claim's lease.
   */
  async failed(
    delivery: ClaimedDelivery,
    error: string,
    now: Date,
    retryAt: Date | null,
    outage = false,
  ): Promise<boolean> {
    const result = (await this.dataSource.query(
      `UPDATE outbox_deliveries
          SET status = ?, attempts = attempts + ?, outages = outages + ?, next_attempt_at = ?,
              lease = NULL, locked_until = NULL, last_error = ?
        WHERE event_id = ? AND consumer = ? AND lease = ?`,
      [
        retryAt ? 'pending' : 'failed',
        outage ? 0 : 1,
        outage ? 1 : 0,
        retryAt ?? now,
        error.slice(0, ERROR_CHARS),
        delivery.eventId,
        delivery.consumer,
        delivery.lease,
      ],
    )) as { affectedRows: number };
    return result.affectedRows === 1;
  }

  /** Failed deliveries, newest first, and how many there are. */
  async listFailed(page: number, limit: number): Promise<{ items: FailedDelivery[]; total: number }> {
    const rows = (await this.dataSource.query(
      `SELECT d.event_id, d.consumer, d.attempts, d.last_error, d.next_attempt_at, e.type, e.created_at
         FROM outbox_deliveries d JOIN outbox_events e ON e.event_id = d.event_id
        WHERE d.status = 'failed'
        ORDER BY d.next_attempt_at DESC, d.event_id
        LIMIT ? OFFSET ?`,
      [limit, (page - 1) * limit],
    )) as Array<{
      event_id: string;
      consumer: string;
      attempts: number;
      last_error: string | null;
      next_attempt_at: Date;
      type: string;
      created_at: Date;
    }>;
    const [{ total }] = (await this.dataSource.query(
      "SELECT COUNT(*) AS total FROM outbox_deliveries WHERE status = 'failed'",
    )) as Array<{ total: number | string }>;
    return {
      total: Number(total),
      items: rows.map((row) => ({
        eventId: row.event_id,
        consumer: row.consumer,
        type: row.type,
        attempts: row.attempts,
        lastError: row.last_error,
        createdAt: row.created_at,
        failedAt: row.next_attempt_at,
      })),
    };
  }

  /** Puts a failed delivery back to pending with a fresh set of attempts; false when it is not failed. */
  async retry(
    eventId: string,
    consumer: string,
    now: Date,
    manager: Pick<EntityManager, 'query'> = this.dataSource,
  ): Promise<boolean> {
    const result = (await manager.query(
      `UPDATE outbox_deliveries SET status = 'pending', attempts = 0, outages = 0, next_attempt_at = ?
        WHERE event_id = ? AND consumer = ? AND status = 'failed'`,
      [now, eventId, consumer],
    )) as { affectedRows: number };
    return result.affectedRows === 1;
  }

  /** A delivery's status; null when there is no such delivery. */
  async statusOf(eventId: string, consumer: string): Promise<string | null> {
    const rows = (await this.dataSource.query(
      'SELECT status FROM outbox_deliveries WHERE event_id = ? AND consumer = ?',
      [eventId, consumer],
    )) as Array<{ status: string }>;
    return rows[0]?.status ?? null;
  }

  /** Pending deliveries (due or waiting for a retry) and the created time of the oldest one's fact. */
  async backlog(): Promise<{ pending: number; failed: number; oldestPendingAt: Date | null }> {
    const rows = (await this.dataSource.query(
      `SELECT d.status, COUNT(*) AS n, MIN(e.created_at) AS oldest
         FROM outbox_deliveries d JOIN outbox_events e ON e.event_id = d.event_id
        WHERE d.status IN ('pending', 'failed')
        GROUP BY d.status`,
    )) as Array<{ status: string; n: number | string; oldest: Date | null }>;
    const of = (status: string) => rows.find((row) => row.status === status);
    return {
      pending: Number(of('pending')?.n ?? 0),
      failed: Number(of('failed')?.n ?? 0),
      oldestPendingAt: of('pending')?.oldest ?? null,
    };
  }

  /** Deletes facts older than `before` whose every delivery is done (a page at a time); rows deleted. */
  async forgetDone(before: Date, limit: number): Promise<number> {
    const result = (await this.dataSource.query(
      `DELETE FROM outbox_events
        WHERE created_at < ?
          AND NOT EXISTS (SELECT 1 FROM outbox_deliveries d
                           WHERE d.event_id = outbox_events.event_id AND d.status <> 'done')
        ORDER BY created_at
        LIMIT ?`,
      [before, limit],
    )) as { affectedRows: number };
    return result.affectedRows;
  }
}
