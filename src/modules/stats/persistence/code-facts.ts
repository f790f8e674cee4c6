import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { num } from './sql-number';

/** A UTC range [from, to). */
export interface Range {
  from: Date;
  to: Date;
}

/** Counts by shop day (`day` set) or over the whole range (`day` null). */
export interface IssuedRow {
  day: string | null;
  reason: string;
  n: number;
  /** Of them: redeemed at least once by now. */
  redeemed: number;
}
export interface RedemptionRow {
  day: string | null;
  reason: string;
  /** The client's source; null for a redemption without a client (a shared code at the till). */
  source: string | null;
  n: number;
}
export interface FirstRedemptionRow {
  /** The code's issue day. */
  day: string | null;
  reason: string;
  n: number;
}

/**
 * The code-side facts the stats count, read live from discounts and discount_usage_logs; test codes and
 * test clients never count. Both the stats queries (for what no rollup covers) and the rollup builder use
 * these, so a figure means the same read either way. `offsetMinutes` set: grouped by shop day as well.
 */
@Injectable()
export class CodeFacts {
  constructor(private readonly db: DataSource) {}

  /** Codes issued in the range by reason: an index-only range scan of idx_discounts_is_test_created_at_reason. */
  async issued(range: Range, offsetMinutes: number | null): Promise<IssuedRow[]> {
    const day = shopDay('created_at', offsetMinutes);
    const rows = (await this.db.query(
      `SELECT ${day} AS day, reason, COUNT(*) AS n, SUM(redemption_count > 0) AS redeemed FROM discounts
        WHERE is_test = 0 AND created_at >= ? AND created_at < ? GROUP BY day, reason`,
      [range.from, range.to],
    )) as Record<string, unknown>[];
    return rows.map((r) => ({
      day: dayOf(r.day),
      reason: String(r.reason),
      n: num(r.n),
      redeemed: num(r.redeemed),
    }));
  }

  /**
   * Redemptions logged in the range by the code's reason and the client's source: the range of
   * idx_discount_usage_logs_created_at, then the code and the client by primary key.
   */
  async redemptions(range: Range, offsetMinutes: number | null): Promise<RedemptionRow[]> {
    const day = shopDay('l.created_at', offsetMinutes);
    const rows = (await this.db.query(
      `SELECT ${day} AS day, d.reason, u.source, COUNT(*) AS n
         FROM discount_usage_logs l
         JOIN discounts d ON d.id = l.discount_id
         LEFT JOIN users u ON u.id = l.user_id
        WHERE l.created_at >= ? AND l.created_at < ? AND l.action = 'redeemed' AND d.is_test = 0
          AND (u.id IS NULL OR u.is_test = 0)
        GROUP BY day, d.reason, u.source`,
      [range.from, range.to],
    )) as Record<string, unknown>[];
    return rows.map((r) => ({
      day: dayOf(r.day),
      reason: String(r.reason),
      source: r.source === null ? null : String(r.source),
      n: num(r.n),
    }));
  }

  /**
   * Codes issued in `issued` whose first redemption was logged in [loggedFrom, loggedBefore) (either end
   * open when null), by reason and issue day: how a rollup's `codes_redeemed` is built and brought up to
   * date. Reads the logs of the window, so a short window is cheap however old the codes are.
   */
  async firstRedemptions(
    issued: Range,
    logged: { from: Date | null; before: Date | null },
    offsetMinutes: number | null,
  ): Promise<FirstRedemptionRow[]> {
    const day = shopDay('d.created_at', offsetMinutes);
    const params: unknown[] = [issued.from, issued.to];
    let window = '';
    if (logged.from) {
      window += ` AND l.created_at >= ? AND NOT EXISTS (SELECT 1 FROM discount_usage_logs e
                   WHERE e.discount_id = d.id AND e.action = 'redeemed' AND e.created_at < ?)`;
      params.push(logged.from, logged.from);
    }
    if (logged.before) {
      window += ' AND l.created_at < ?';
      params.push(logged.before);
    }
    const rows = (await this.db.query(
      `SELECT ${day} AS day, d.reason, COUNT(DISTINCT d.id) AS n
         FROM discount_usage_logs l JOIN discounts d ON d.id = l.discount_id
        WHERE l.action = 'redeemed' AND d.is_test = 0 AND d.created_at >= ? AND d.created_at < ?${window}
        GROUP BY day, d.reason`,
      params,
    )) as Record<string, unknown>[];
    return rows.map((r) => ({ day: dayOf(r.day), reason: String(r.reason), n: num(r.n) }));
  }
}

/**
 * The shop date of a UTC column: moved by the zone's fixed offset (see ShopPeriod) and formatted as text so
 * no driver time zone touches it; NULL (one group) when not grouping by day.
 */
export function shopDay(column: string, offsetMinutes: number | null): string {
  if (offsetMinutes === null) return 'NULL';
  return `DATE_FORMAT(${column} + INTERVAL ${Math.trunc(offsetMinutes)} MINUTE, '%Y-%m-%d')`;
}

const dayOf = (value: unknown): string | null => (value === null ? null : String(value));
