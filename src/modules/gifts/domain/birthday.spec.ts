import { birthdaysOn, shopDateOf } from './birthday';

const tz = 'Asia/Vladivostok';

describe('birthdays', () => {
  it('celebrates the day itself', () => {
    expect(birthdaysOn('2026-11-25')).toEqual({ month: 11, days: [25], year: 2026 });
    expect(birthdaysOn('2028-02-29')).toEqual({ month: 2, days: [29], year: 2028 });
  });

  it('celebrates 29 February on 28 February of a year without one, and only then', () => {
    expect(birthdaysOn('2027-02-28')).toEqual({ month: 2, days: [28, 29], year: 2027 });
    expect(birthdaysOn('2028-02-28')).toEqual({ month: 2, days: [28], year: 2028 });
    expect(birthdaysOn('2027-03-01')).toEqual({ month: 3, days: [1], year: 2027 });
  });

  it('refuses what is not a date', () => {
    expect(() => birthdaysOn('2027-02-29')).toThrow(RangeError);
    expect(() => birthdaysOn('25.11.2026')).toThrow(RangeError);
  });

  it('counts the shop date in shop time', () => {
    // 14:30 UTC is already 00:30 the next day in Vladivostok.
    expect(shopDateOf(new Date('2026-03-09T14:30:00Z'), tz)).toBe('2026-03-10');
    expect(shopDateOf(new Date('2026-03-09T13:59:00Z'), tz)).toBe('2026-03-09');
  });
});
