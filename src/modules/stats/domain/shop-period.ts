import { DateTime } from 'luxon';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';

/** The longest period a stats request may cover, in shop days. */
export const MAX_PERIOD_DAYS = 366;
/** Without `from`/`to`: the last 30 shop days, today included. */
export const DEFAULT_PERIOD_DAYS = 30;

/**
 * A stats period: shop-time dates `from`..`to` (inclusive), the UTC range [startUtc, endUtc) from shop midnight
 * to shop midnight, and the zone's UTC offset in minutes used to put a UTC time into its shop day in SQL
 * (`DATE(created_at + INTERVAL offset MINUTE)`). One fixed offset for the whole period: the shop's zone
 * (Asia/Vladivostok) has no DST, and MariaDB may lack time zone tables for CONVERT_TZ with named zones. For a
 * zone with DST the day buckets of the hours around a change would be off by the DST shift.
 */
export interface ShopPeriod {
  from: string;
  to: string;
  startUtc: Date;
  endUtc: Date;
  offsetMinutes: number;
  /** Every shop date of the period, in order. */
  days: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(field: 'from' | 'to', value: string, zone: string): DateTime {
  const date = DATE.test(value) ? DateTime.fromISO(value, { zone }) : null;
  if (!date?.isValid) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, `${field} must be a date YYYY-MM-DD`, {
      fields: [{ field, message: 'must be a date YYYY-MM-DD' }],
    });
  }
  return date.startOf('day');
}

/** Resolves and checks `from`/`to` (VALIDATION_FAILED: bad date, from after to, more than MAX_PERIOD_DAYS). */
export function shopPeriod(input: { from?: string; to?: string }, zone: string, now: Date): ShopPeriod {
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const to = input.to ? parseDate('to', input.to, zone) : today;
  const from = input.from ? parseDate('from', input.from, zone) : to.minus({ days: DEFAULT_PERIOD_DAYS - 1 });
  const length = Math.round(to.diff(from, 'days').days) + 1;
  if (length < 1) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'from must not be after to', {
      fields: [{ field: 'from', message: 'must not be after to' }],
    });
  }
  if (length > MAX_PERIOD_DAYS) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, `A period covers at most ${MAX_PERIOD_DAYS} days`, {
      fields: [{ field: 'to', message: `at most ${MAX_PERIOD_DAYS} days after from` }],
    });
  }
  const days = Array.from({ length }, (_, i) => from.plus({ days: i }).toISODate() as string);
  return {
    from: from.toISODate() as string,
    to: to.toISODate() as string,
    startUtc: from.toUTC().toJSDate(),
    endUtc: to.plus({ days: 1 }).toUTC().toJSDate(),
    offsetMinutes: from.offset,
    days,
  };
}
