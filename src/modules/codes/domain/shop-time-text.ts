import { DateTime } from 'luxon';

/** An instant as the shop's people read it, in the shop's time zone: `15.08.2026 09:00`. */
export function shopTimeText(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toFormat('dd.LL.yyyy HH:mm');
}

/**
 * Until when a code works, for texts that say «Действует до {expires_at}»: the shop time of its expiry, or
 * «отмены» for a code without one («Действует до отмены»).
 */
export function expiryText(expiresAt: Date | null, timeZone: string): string {
  return expiresAt ? shopTimeText(expiresAt, timeZone) : 'отмены';
}
