import {
  daysBefore,
  formatCalendarDate,
  formatShopDate,
  formatShopDateTime,
  setShopTimezone,
  shopLocalToUtc,
  shopToday,
} from './shop-time';

describe('shop time', () => {
  afterEach(() => setShopTimezone('Asia/Vladivostok'));

  it('shows an instant as ДД.ММ.ГГГГ ЧЧ:ММ in Vladivostok (UTC+10) whatever the browser zone', () => {
    expect(formatShopDateTime('2026-03-07T14:05:00.000Z')).toBe('08.03.2026 00:05');
    expect(formatShopDate('2026-03-07T13:59:00.000Z')).toBe('07.03.2026');
    expect(formatShopDateTime(null)).toBe('');
    expect(formatShopDateTime('not a date')).toBe('');
  });

  it('follows the setting shop.timezone, and keeps the last good zone for an unknown one', () => {
    setShopTimezone('Europe/Moscow');
    expect(formatShopDateTime('2026-03-07T14:05:00.000Z')).toBe('07.03.2026 17:05');
    setShopTimezone('Mars/Olympus');
    expect(formatShopDateTime('2026-03-07T14:05:00.000Z')).toBe('07.03.2026 17:05');
  });

  it('shows calendar dates without moving them, and counts calendar days', () => {
    expect(formatCalendarDate('1995-03-07')).toBe('07.03.1995');
    expect(formatCalendarDate(null)).toBe('');
    expect(daysBefore('2026-03-01', 1)).toBe('2026-02-28');
    expect(daysBefore('2026-12-06', 29)).toBe('2026-11-07');
  });

  it("knows today's shop date and reads a wall-clock time typed in shop time", () => {
    expect(shopToday(new Date('2026-12-31T15:00:00Z'))).toBe('2027-01-01');
    expect(shopLocalToUtc('2026-07-01T09:30')).toBe('2026-06-30T23:30:00.000Z');
  });
});
