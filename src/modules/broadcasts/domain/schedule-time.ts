import { DateTime } from 'luxon';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';

/** A date and a time to the minute (seconds and milliseconds optional), `T` or a space, optional offset. */
const SCHEDULE_INPUT =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * The moment a broadcast is planned for. An offset in the input is honoured (`2026-03-08T10:00+03:00`,
 * `...Z`); without one the time is read in the shop's time zone (`2026-03-08T10:00` = 10:00 in
 * Vladivostok). VALIDATION_FAILED for anything else; BROADCAST_SCHEDULE_IN_PAST unless after `now`.
 */
export function parseScheduleTime(input: string, timezone: string, now: Date): Date {
  const match = SCHEDULE_INPUT.exec(input.trim());
  const parsed = match
    ? DateTime.fromISO(`${match[1]}T${match[2]}${normaliseOffset(match[3])}`, { zone: timezone })
    : null;
  if (!parsed || !parsed.isValid) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Invalid fields: scheduledAt', {
      fields: [
        {
          field: 'scheduledAt',
          errors: [
            'expected an ISO date and time such as 2026-03-08T10:00 (shop time) or 2026-03-08T10:00:00+10:00',
          ],
        },
      ],
    });
  }
  const at = parsed.toJSDate();
  if (at.getTime() <= now.getTime()) {
    throw new DomainError(ErrorCode.BROADCAST_SCHEDULE_IN_PAST, 'The planned time has already passed', {
      scheduledAt: at.toISOString(),
      now: now.toISOString(),
    });
  }
  return at;
}

function normaliseOffset(offset: string | undefined): string {
  if (offset === undefined || offset.toUpperCase() === 'Z') return offset?.toUpperCase() ?? '';
  if (/^[+-]\d{2}$/.test(offset)) return `${offset}:00`;
  return offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`;
}

/**
 * A date and time typed in a chat, `ДД.ММ.ГГГГ ЧЧ:ММ` or `ДД.ММ ЧЧ:ММ` (this year; `.`, `/` or `-`
 * between the parts), as the ISO local time parseScheduleTime reads in shop time; null when it is not one.
 */
export function chatDateTime(input: string, currentYear: number): string | null {
  const match = /^(\d{1,2})[./-](\d{1,2})(?:[./-](\d{2}|\d{4}))?,?\s+(\d{1,2})[:.](\d{2})$/.exec(
    input.trim(),
  );
  if (!match) return null;
  const [, day, month, year, hour, minute] = match;
  const fullYear = year === undefined ? currentYear : year.length === 2 ? 2000 + Number(year) : Number(year);
  const pad = (value: string | number) => String(value).padStart(2, '0');
  return `${fullYear}-${pad(month)}-${pad(day)}T${pad(hour)}:${minute}`;
}
