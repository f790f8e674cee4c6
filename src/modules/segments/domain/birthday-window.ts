import { DateTime } from 'luxon';

/** Days of one month, as an inclusive run `from..to` (e.g. 25..31). */
export interface DayRun {
  month: number;
  from: number;
  to: number;
}

/** Longest month of each calendar month (February 29: a birth date can be a leap day). */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The month (1..12) of `now` in the shop's time zone. */
export function monthIn(now: Date, timezone: string): number {
  return DateTime.fromJSDate(now, { zone: timezone }).month;
}

/**
 * Birthdays (month, day) falling from today through `days` days ahead, today being `now`'s date in the
 * shop's time zone: `withinDays 0` is today only, `withinDays 7` today and the next 7 days. The window may
 * run into next year. A 29 February birthday is celebrated on 28 February in a year without one, so a
 * window holding 28 February of a common year also holds birth day 29.02.
 *
 * Returns whole months (every day of them, in ascending order) and runs of days in the other months,
 * ready for `birth_month IN (...)` and `birth_month = ? AND birth_day BETWEEN ? AND ?`.
 */
export function birthdayWindow(
  now: Date,
  timezone: string,
  days: number,
): { wholeMonths: number[]; runs: DayRun[] } {
  const byMonth = new Map<number, Set<number>>();
  const add = (month: number, day: number) => {
    const set = byMonth.get(month) ?? new Set<number>();
    set.add(day);
    byMonth.set(month, set);
  };
  const today = DateTime.fromJSDate(now, { zone: timezone }).startOf('day');
  for (let offset = 0; offset <= Math.min(days, 366); offset++) {
    const date = today.plus({ days: offset });
    add(date.month, date.day);
    if (date.month === 2 && date.day === 28 && !date.isInLeapYear) add(2, 29);
  }
  const wholeMonths: number[] = [];
  const runs: DayRun[] = [];
  for (const month of [...byMonth.keys()].sort((a, b) => a - b)) {
    const monthDays = [...(byMonth.get(month) ?? [])].sort((a, b) => a - b);
    if (monthDays.length === DAYS_IN_MONTH[month - 1]) {
      wholeMonths.push(month);
      continue;
    }
    let from = monthDays[0];
    for (let i = 1; i <= monthDays.length; i++) {
      if (i < monthDays.length && monthDays[i] === monthDays[i - 1] + 1) continue;
      runs.push({ month, from, to: monthDays[i - 1] });
      from = monthDays[i];
    }
  }
  return { wholeMonths, runs };
}
