import { birthdayWindow, monthIn } from './birthday-window';

const VLADIVOSTOK = 'Asia/Vladivostok';
/** Noon in Vladivostok (UTC+10) on `date`. */
const noonIn = (date: string) => new Date(`${date}T02:00:00Z`);

describe('birthdayWindow', () => {
  it('is today only for 0 days', () => {
    expect(birthdayWindow(noonIn('2026-07-14'), VLADIVOSTOK, 0)).toEqual({
      wholeMonths: [],
      runs: [{ month: 7, from: 14, to: 14 }],
    });
  });

  it('runs from today through N days ahead, across a month end', () => {
    expect(birthdayWindow(noonIn('2026-04-28'), VLADIVOSTOK, 5)).toEqual({
      wholeMonths: [],
      runs: [
        { month: 4, from: 28, to: 30 },
        { month: 5, from: 1, to: 3 },
      ],
    });
  });

  it('wraps into next year', () => {
    expect(birthdayWindow(noonIn('2026-12-30'), VLADIVOSTOK, 4)).toEqual({
      wholeMonths: [],
      runs: [
        { month: 1, from: 1, to: 3 },
        { month: 12, from: 30, to: 31 },
      ],
    });
  });

  it('celebrates 29 February on 28 February in a common year', () => {
    expect(birthdayWindow(noonIn('2026-02-27'), VLADIVOSTOK, 1)).toEqual({
      wholeMonths: [],
      runs: [{ month: 2, from: 27, to: 29 }],
    });
    // Only 28 February itself, in 2027: birth day 29 is in.
    expect(birthdayWindow(noonIn('2027-02-28'), VLADIVOSTOK, 0).runs).toEqual([
      { month: 2, from: 28, to: 29 },
    ]);
  });

  it('keeps 29 February to itself in a leap year', () => {
    expect(birthdayWindow(noonIn('2028-02-28'), VLADIVOSTOK, 0).runs).toEqual([
      { month: 2, from: 28, to: 28 },
    ]);
    expect(birthdayWindow(noonIn('2028-02-28'), VLADIVOSTOK, 1).runs).toEqual([
      { month: 2, from: 28, to: 29 },
    ]);
  });

  it('reads "today" in the shop time zone, not UTC', () => {
    // 31 March 20:00 UTC is already 1 April 06:00 in Vladivostok.
    const now = new Date('2026-03-31T20:00:00Z');
    expect(birthdayWindow(now, VLADIVOSTOK, 0).runs).toEqual([{ month: 4, from: 1, to: 1 }]);
    expect(birthdayWindow(now, 'UTC', 0).runs).toEqual([{ month: 3, from: 31, to: 31 }]);
    expect(monthIn(now, VLADIVOSTOK)).toBe(4);
    expect(monthIn(now, 'UTC')).toBe(3);
  });

  it('gives whole months as months, February whole in a common year thanks to the 29th', () => {
    // 31 January 2026 + 60 days = 1 April.
    expect(birthdayWindow(noonIn('2026-01-31'), VLADIVOSTOK, 60)).toEqual({
      wholeMonths: [2, 3],
      runs: [
        { month: 1, from: 31, to: 31 },
        { month: 4, from: 1, to: 1 },
      ],
    });
  });

  it('covers the whole year for 365 or 366 days', () => {
    expect(birthdayWindow(noonIn('2026-06-15'), VLADIVOSTOK, 365)).toEqual({
      wholeMonths: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      runs: [],
    });
    expect(birthdayWindow(noonIn('2027-06-15'), VLADIVOSTOK, 366).wholeMonths).toHaveLength(12);
  });

  it('splits a month the window enters twice into two runs', () => {
    // 15 March 2026 + 360 days = 10 March 2027: March 15..31 and 1..10, 11..14 left out.
    const window = birthdayWindow(noonIn('2026-03-15'), VLADIVOSTOK, 360);
    expect(window.runs).toEqual([
      { month: 3, from: 1, to: 10 },
      { month: 3, from: 15, to: 31 },
    ]);
    expect(window.wholeMonths).toEqual([1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});
