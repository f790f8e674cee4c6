import { DateTime } from 'luxon';

const TIME_OF_DAY = /^(\d{2}):(\d{2})$/;

/**
 * The shop date (`YYYY-MM-DD`) whose daily run is due at `now`: today in shop time once `at` (`HH:MM`, shop
 * time) has come, else null. A tick asks every minute and at start-up, so a run missed while no scheduler
 * was up still starts later that shop day (catch-up); from shop midnight on it is the next day's turn.
 * RangeError for a time that is not `HH:MM` or an unknown time zone.
 */
export function dueShopDate(now: Date, timeZone: string, at: string): string | null {
  const match = TIME_OF_DAY.exec(at);
  if (!match) throw new RangeError(`Not a time of day: ${at}`);
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!local.isValid) throw new RangeError(`Unknown time zone ${timeZone}`);
  const minutes = local.hour * 60 + local.minute;
  return minutes >= Number(match[1]) * 60 + Number(match[2]) ? (local.toISODate() as string) : null;
}
