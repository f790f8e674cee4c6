import { DateTime } from 'luxon';

export type IssueReason = 'subscription' | 'birthday' | 'manual' | 'bulk' | 'referral';

export interface RecurrenceRule {
  recurrence: 'none' | 'yearly' | 'every_n_days';
  recurrenceDays: number | null;
}

export interface PeriodContext {
  reason: IssueReason;
  now: Date;
  /** The shop's IANA time zone: years and day buckets are counted in shop time. */
  timeZone: string;
  /** Bulk issues: the batch's own key, so a retried job never gives a client a second code. */
  batchKey?: string;
}

/** The marker of a gift given at most once per client and template (subscription gift). */
export const ONCE = 'once';

/**
 * The period of an issue, unique per (client, template) in the database, so a gift cannot be given twice
 * in one period however many schedulers, retries or presses race:
 * - `yearly`: the shop-time calendar year, `2026`;
 * - `every_n_days`: the index of the N-day window since 1970-01-01 in shop time, `14d-1450` (fixed windows:
 *   the unique key can enforce them; a rolling "N days since the last one" could not be);
 * - `none`: `once` for gifts (subscription, birthday, referral), the batch key for a bulk issue, and null
 *   for a manual issue, which may be repeated (NULL never collides in a unique key).
 */
export function periodKeyFor(rule: RecurrenceRule, context: PeriodContext): string | null {
  const local = DateTime.fromJSDate(context.now, { zone: context.timeZone });
  if (!local.isValid) throw new RangeError(`Unknown time zone ${context.timeZone}`);
  if (rule.recurrence === 'yearly') return String(local.year);
  if (rule.recurrence === 'every_n_days') {
    const days = rule.recurrenceDays ?? 0;
    if (!Number.isInteger(days) || days < 1) throw new RangeError('every_n_days needs recurrenceDays >= 1');
    const epochDay = Math.floor(Date.UTC(local.year, local.month - 1, local.day) / 86_400_000);
    return `${days}d-${Math.floor(epochDay / days)}`;
  }
  switch (context.reason) {
    case 'manual':
      return null;
    case 'bulk':
      if (!context.batchKey) throw new RangeError('A bulk issue needs its batch key');
      return context.batchKey;
    default:
      return ONCE;
  }
}
