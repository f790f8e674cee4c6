import { DateTime } from 'luxon';

/** Yesterday's figures the owners get in the morning. */
export interface MorningFigures {
  registrations: number;
  codesIssued: number;
  codesRedeemed: number;
  broadcastsSent: number;
}

/**
 * The shop date to summarize at `now`: yesterday in shop time once `sendAt` (`HH:MM`, shop time) has come
 * today, else null. Asked every minute and at start-up, so a summary missed while no scheduler was up is
 * still sent later that day.
 */
export function dueSummaryDate(now: Date, timeZone: string, sendAt: string): string | null {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!local.isValid) throw new RangeError(`Unknown time zone ${timeZone}`);
  const [hour, minute] = sendAt.split(':').map(Number);
  if (local.hour * 60 + local.minute < hour * 60 + minute) return null;
  return local.minus({ days: 1 }).toISODate() as string;
}

/** `2026-12-05` => `5 декабря 2026`. */
function dateText(shopDate: string): string {
  return DateTime.fromISO(shopDate, { locale: 'ru' }).toFormat('d MMMM yyyy');
}

/** The morning summary (Telegram HTML). */
export function morningSummaryText(shopDate: string, figures: MorningFigures): string {
  return [
    `☀️ <b>Доброе утро! Итоги за ${dateText(shopDate)}</b>`,
    '',
    `Новых клиентов: ${figures.registrations}`,
    `Выдано кодов: ${figures.codesIssued}`,
    `Погашено кодов: ${figures.codesRedeemed}`,
    `Рассылок отправлено: ${figures.broadcastsSent}`,
  ].join('\n');
}
