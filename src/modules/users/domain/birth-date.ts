import { DateTime } from 'luxon';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';

/** A calendar date without a time zone. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export const MIN_AGE = 5;
export const MAX_AGE = 120;

/**
 * A birthday saved without a year (the client typed ДД.ММ) is stored in this year: a leap year, so 29.02
 * fits, and one the age rule (5..120) keeps out of every real date. The API shows such a date as `--MM-DD`
 * (ISO 8601 without a year); month and day work as any other for birthdays and segments.
 */
export const YEARLESS_BIRTH_YEAR = 1904;

/** Today's date in the shop's time zone. */
export function todayIn(now: Date, timezone: string): CalendarDate {
  const { year, month, day } = DateTime.fromJSDate(now, { zone: timezone });
  return { year, month, day };
}

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Full years from `birth` to `today`; a 29 February birthday comes on 28 February in a common year. */
export function ageOn(birth: CalendarDate, today: CalendarDate): number {
  const leapDay = birth.month === 2 && birth.day === 29 && !isLeapYear(today.year);
  const [month, day] = leapDay ? [2, 28] : [birth.month, birth.day];
  const hadBirthday = today.month > month || (today.month === month && today.day >= day);
  return today.year - birth.year - (hadBirthday ? 0 : 1);
}

/** `YYYY-MM-DD` as a real calendar date, or null (`2026-02-29`, `1990-13-01`, `07.03.1995`). */
export function parseIsoDate(text: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const date = DateTime.fromObject({ year, month, day }, { zone: 'UTC' });
  return date.isValid ? { year, month, day } : null;
}

/**
 * A birth date a client or an admin may save: a real date `YYYY-MM-DD`, not in the future, and an age of
 * 5..120 years today (in shop time); or a day of the year `--MM-DD` when the year was not given.
 * BIRTH_DATE_INVALID says which rule failed (`details.reason`: format, future, age). Returns the date as
 * stored (`1904-MM-DD` for a day without a year).
 */
export function checkBirthDate(text: string, today: CalendarDate): string {
  const invalid = (reason: string, message: string) =>
    new DomainError(ErrorCode.BIRTH_DATE_INVALID, message, { reason, min: MIN_AGE, max: MAX_AGE });
  const yearless = /^--(\d{2})-(\d{2})$/.exec(text);
  if (yearless) {
    const stored = `${YEARLESS_BIRTH_YEAR}-${yearless[1]}-${yearless[2]}`;
    if (!parseIsoDate(stored)) throw invalid('format', 'A day of the year is written --MM-DD, e.g. --03-07');
    return stored;
  }
  const birth = parseIsoDate(text);
  if (!birth) throw invalid('format', 'A birth date is a real calendar date written YYYY-MM-DD (or --MM-DD)');
  const future =
    birth.year * 10_000 + birth.month * 100 + birth.day > today.year * 10_000 + today.month * 100 + today.day;
  if (future) throw invalid('future', 'A birth date cannot be in the future');
  const age = ageOn(birth, today);
  if (age < MIN_AGE || age > MAX_AGE) {
    throw invalid('age', `A client is ${MIN_AGE}..${MAX_AGE} years old; this date makes ${age}`);
  }
  return text;
}

/** A stored birth date as the API shows it: `--MM-DD` for one saved without a year. */
export function publicBirthDate(stored: string | null): string | null {
  if (stored === null) return null;
  return stored.startsWith(`${YEARLESS_BIRTH_YEAR}-`) ? `--${stored.slice(5)}` : stored;
}
