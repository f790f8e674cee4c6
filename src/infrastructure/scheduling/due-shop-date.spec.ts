import { dueShopDate } from './due-shop-date';

const VLADIVOSTOK = 'Asia/Vladivostok'; // UTC+10 all year: no daylight saving

describe('dueShopDate', () => {
  const at9 = (iso: string) => dueShopDate(new Date(iso), VLADIVOSTOK, '09:00');

  it('is due from the time of day (shop time) to the end of the shop day', () => {
    expect(at9('2026-03-09T22:59:59Z')).toBeNull(); // 08:59 on the 10th
    expect(at9('2026-03-09T23:00:00Z')).toBe('2026-03-10'); // 09:00
    expect(at9('2026-03-10T13:59:00Z')).toBe('2026-03-10'); // 23:59
  });

  it('counts days in shop time: UTC midnight changes nothing, shop midnight starts the next day', () => {
    expect(at9('2026-03-10T00:00:00Z')).toBe('2026-03-10'); // 10:00 on the 10th, a new UTC day
    expect(at9('2026-03-10T14:00:00Z')).toBeNull(); // 00:00 on the 11th: not yet 09:00
    expect(at9('2026-03-10T23:00:00Z')).toBe('2026-03-11'); // 09:00 on the 11th
    expect(dueShopDate(new Date('2026-03-10T14:00:00Z'), VLADIVOSTOK, '00:00')).toBe('2026-03-11');
    expect(at9('2026-12-31T23:30:00Z')).toBe('2027-01-01'); // 09:30 on New Year's Day
  });

  it('catches up: a tick or a start-up late in the day still gets that day, never the day before', () => {
    expect(at9('2026-03-10T13:00:00Z')).toBe('2026-03-10'); // 23:00, the scheduler was down since 08:00
    expect(dueShopDate(new Date('2026-03-10T13:59:59Z'), VLADIVOSTOK, '23:59')).toBe('2026-03-10');
    expect(dueShopDate(new Date('2026-03-10T13:58:59Z'), VLADIVOSTOK, '23:59')).toBeNull();
  });

  it('refuses a time that is not HH:MM and an unknown zone', () => {
    expect(() => dueShopDate(new Date(), VLADIVOSTOK, '9:00')).toThrow(RangeError);
    expect(() => dueShopDate(new Date(), 'Mars/Olympus', '09:00')).toThrow(RangeError);
  });
});
