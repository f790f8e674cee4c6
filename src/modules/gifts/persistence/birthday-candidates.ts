import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BirthdaySelection } from '../domain/birthday';

export interface CandidatePage {
  selection: BirthdaySelection;
  /** A birth date saved after this is too fresh (`birthday.min_days_since_set`). */
  setBefore: Date;
  /** Keyset paging: clients with a larger id. */
  afterUserId: number;
  limit: number;
}

/*
 * The birthday run's audience: active, non-test clients with a Telegram id, born on the selection's
 * month/day (28 Feb in a common year also takes 29 Feb), whose birth date was saved long enough ago (a date
 * without a saved-at time predates the rule and counts), without a birthday gift for the year. The users
 * table belongs to the users module: a read-only query, like the segments'. EXPLAIN (MariaDB 10.11,
 * 100 000 users): range on idx_users_birth_month_birth_day (~300 rows a day), the NOT EXISTS a ref on
 * idx_discounts_user_status_created_at per row.
 */
const CANDIDATES_SQL = (days: number) => `
  SELECT u.id
    FROM users u
   WHERE u.birth_month = ? AND u.birth_day IN (${Array(days).fill('?').join(', ')})
     AND u.status = 'active' AND u.is_test = 0 AND u.telegram_id IS NOT NULL
     AND (u.birth_date_set_at IS NULL OR u.birth_date_set_at <= ?)
     AND u.id > ?
     AND NOT EXISTS (
       SELECT 1 FROM discounts d
        WHERE d.user_id = u.id AND d.reason = 'birthday' AND d.period_key = ?)
   ORDER BY u.id
   LIMIT ?`;

@Injectable()
export class BirthdayCandidates {
  constructor(private readonly dataSource: DataSource) {}

  /** One page of client ids, ascending. */
  async page({ selection, setBefore, afterUserId, limit }: CandidatePage): Promise<number[]> {
    const rows = (await this.dataSource.query(CANDIDATES_SQL(selection.days.length), [
      selection.month,
      ...selection.days,
      setBefore,
      afterUserId,
      String(selection.year),
      limit,
    ])) as Array<{ id: number }>;
    return rows.map((row) => Number(row.id));
  }
}
