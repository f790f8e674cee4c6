import { DateTime } from 'luxon';

/** The clients to celebrate on one shop date: born in `month` on one of `days`; the gift's period is `year`. */
export interface BirthdaySelection {
  month: number;
  days: number[];
  /** The shop-time calendar year of the date: the birthday gift's period key (once a year). */
  year: number;
}

const SHOP_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whose birthday a shop date (`YYYY-MM-DD`) is: that month and day, and on 28 February of a year without a
 * 29th also the people born on 29 February, so they are celebrated every year. RangeError for a date that
 * does not exist.
 */
export function birthdaysOn(shopDate: string): BirthdaySelection {
  const match = SHOP_DATE.exec(shopDate);
  const date = match
    ? DateTime.fromObject({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) })
    : null;
  if (!date?.isValid) throw new RangeError(`Not a date: ${shopDate}`);
  const days = date.month === 2 && date.day === 28 && !date.isInLeapYear ? [28, 29] : [date.day];
  return { month: date.month, days, year: date.year };
}

/** Today in shop time, `YYYY-MM-DD`. */
export function shopDateOf(now: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!local.isValid) throw new RangeError(`Unknown time zone ${timeZone}`);
  return local.toISODate() as string;
}
