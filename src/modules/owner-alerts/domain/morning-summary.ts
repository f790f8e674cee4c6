import { DateTime } from 'luxon';

/** Yesterday's figures the owners get in the morning. */
export interface MorningFigures {
  registrations: number;
  codesIssued: number;
  codesRedeemed: number;
  broadcastsSent: number;
}

/** The shop date a morning summary sent on `shopDate` (`YYYY-MM-DD`) is about: the day before. */
export function summarizedDate(shopDate: string): string {
  return DateTime.fromISO(shopDate, { zone: 'UTC' }).minus({ days: 1 }).toISODate() as string;
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
