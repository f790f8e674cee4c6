import { DateTime } from 'luxon';
import { ISO_MOMENT_PATTERN } from './segment-filter';

/** A span of time, `start` included and `end` excluded. */
export interface Interval {
  start: Date;
  end: Date;
}

/**
 * What a date or date-time written by an admin stands for: a bare date `2026-03-01` is that whole day in
 * the shop's time zone; a date-time is one instant (read in the shop's zone when it has no offset), so
 * the interval is its millisecond (DATETIME(3) precision). Null for anything else (`2026-02-30`, `03/01`).
 *
 * So that `after D` means "later than D" (`>= end`), `before D` "earlier than D" (`< start`) and
 * `between [A, B]` "from A through B" (`>= A.start AND < B.end`), for days and instants alike.
 */
export function momentInterval(text: string, timezone: string): Interval | null {
  if (!ISO_MOMENT_PATTERN.test(text)) return null;
  const moment = DateTime.fromISO(text, { zone: timezone });
  if (!moment.isValid) return null;
  if (text.length === 10) {
    const day = moment.startOf('day');
    return { start: day.toJSDate(), end: day.plus({ days: 1 }).toJSDate() };
  }
  const start = moment.toJSDate();
  return { start, end: new Date(start.getTime() + 1) };
}
