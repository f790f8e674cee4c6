/** The shop's time zone when the settings do not say (SPEC: Asia/Vladivostok). */
export const DEFAULT_SHOP_TIMEZONE = 'Asia/Vladivostok';

let shopTimezone = DEFAULT_SHOP_TIMEZONE;

/** Sets the zone every date is shown in (from the setting `shop.timezone`, read after log-in). */
export function setShopTimezone(zone: string | null | undefined): void {
  if (!zone) return;
  try {
    new Intl.DateTimeFormat('ru-RU', { timeZone: zone });
    shopTimezone = zone;
  } catch {
    // An unknown zone in the settings: keep the default rather than break every page.
  }
}

export function getShopTimezone(): string {
  return shopTimezone;
}

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using it (a list has dozens of dates). */
const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('ru-RU', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(zone, format);
  }
  return format;
}

function parts(value: Date, zone: string): Record<string, string> {
  return Object.fromEntries(
    formatIn(zone)
      .formatToParts(value)
      .map((p) => [p.type, p.value]),
  );
}

function toDate(value: string | number | Date | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `ДД.ММ.ГГГГ ЧЧ:ММ` in the shop's zone; '' for nothing. */
export function formatShopDateTime(value: string | number | Date | null | undefined): string {
  const date = toDate(value);
  if (!date) return '';
  const p = parts(date, shopTimezone);
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`;
}

/** `ДД.ММ.ГГГГ` in the shop's zone. */
export function formatShopDate(value: string | number | Date | null | undefined): string {
  const date = toDate(value);
  if (!date) return '';
  const p = parts(date, shopTimezone);
  return `${p.day}.${p.month}.${p.year}`;
}

/** A calendar date the API keeps without a time (`YYYY-MM-DD`, birth dates, daily series) as `ДД.ММ.ГГГГ`. */
export function formatCalendarDate(value: string | null | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  return match ? `${match[3]}.${match[2]}.${match[1]}` : '';
}

/** Today's date in the shop's zone as `YYYY-MM-DD` (period pickers). */
export function shopToday(now: Date = new Date()): string {
  const p = parts(now, shopTimezone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** `YYYY-MM-DD` that many days before `isoDate` (calendar arithmetic, no time zone involved). */
export function daysBefore(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d - days));
  return date.toISOString().slice(0, 10);
}

/**
 * The UTC instant of a wall-clock `YYYY-MM-DDTHH:MM` in the shop's zone (a datetime-local input read as shop
 * time, whatever the browser's own zone is).
 */
export function shopLocalToUtc(local: string): string {
  const [datePart, timePart = '00:00'] = local.split('T');
  const [y, mo, d] = (datePart ?? '').split('-').map(Number) as [number, number, number];
  const [h, mi] = timePart.split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  // The zone's offset at that moment: format the guess in the zone and compare.
  const p = parts(new Date(guess), shopTimezone);
  const asZone = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!);
  return new Date(guess - (asZone - guess)).toISOString();
}
