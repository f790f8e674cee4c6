import { DomainError } from '../../../common/errors/domain-error';
import { ageOn, checkBirthDate, parseIsoDate, publicBirthDate, todayIn } from './birth-date';

const TODAY = { year: 2026, month: 7, day: 14 };

const reasonOf = (text: string, today = TODAY) => {
  try {
    checkBirthDate(text, today);
  } catch (error) {
    return `${(error as DomainError).code}:${String((error as DomainError).details?.reason)}`;
  }
  return 'ok';
};

describe('birth date rules', () => {
  it('take real calendar dates only', () => {
    expect(parseIsoDate('1995-03-07')).toEqual({ year: 1995, month: 3, day: 7 });
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of ['2023-02-29', '1995-13-01', '1995-04-31', '07.03.1995', '1995-3-7', '']) {
      expect(parseIsoDate(bad)).toBeNull();
      expect(reasonOf(bad)).toBe('BIRTH_DATE_INVALID:format');
    }
  });

  it('refuse the future', () => {
    expect(reasonOf('2026-07-15')).toBe('BIRTH_DATE_INVALID:future');
    expect(reasonOf('2030-01-01')).toBe('BIRTH_DATE_INVALID:future');
  });

  it('take ages 5..120 today, birthdays counted to the day', () => {
    expect(reasonOf('2021-07-14')).toBe('ok'); // 5 today
    expect(reasonOf('2021-07-15')).toBe('BIRTH_DATE_INVALID:age'); // 5 tomorrow
    expect(reasonOf('2026-07-14')).toBe('BIRTH_DATE_INVALID:age'); // born today: 0
    expect(reasonOf('1905-07-15')).toBe('ok'); // 120, 121 tomorrow
    expect(reasonOf('1905-07-14')).toBe('BIRTH_DATE_INVALID:age'); // 121 today
    expect(checkBirthDate('1995-03-07', TODAY)).toBe('1995-03-07');
  });

  it('count a 29 February birthday on 28 February in a common year', () => {
    expect(ageOn({ year: 2020, month: 2, day: 29 }, { year: 2025, month: 2, day: 27 })).toBe(4);
    expect(ageOn({ year: 2020, month: 2, day: 29 }, { year: 2025, month: 2, day: 28 })).toBe(5);
    expect(ageOn({ year: 2020, month: 2, day: 29 }, { year: 2028, month: 2, day: 28 })).toBe(7);
    expect(ageOn({ year: 2020, month: 2, day: 29 }, { year: 2028, month: 2, day: 29 })).toBe(8);
    expect(reasonOf('2020-02-29', { year: 2025, month: 2, day: 28 })).toBe('ok');
  });

  it('read today in the shop time zone', () => {
    // 13 July 20:00 UTC is 14 July 06:00 in Vladivostok.
    expect(todayIn(new Date('2026-07-13T20:00:00Z'), 'Asia/Vladivostok')).toEqual(TODAY);
    expect(todayIn(new Date('2026-07-13T20:00:00Z'), 'UTC')).toEqual({ year: 2026, month: 7, day: 13 });
  });

  it('keep a birthday given without a year as a day of the year, in the leap year 1904', () => {
    expect(checkBirthDate('--03-07', TODAY)).toBe('1904-03-07');
    expect(checkBirthDate('--02-29', TODAY)).toBe('1904-02-29');
    expect(publicBirthDate('1904-02-29')).toBe('--02-29');
    expect(publicBirthDate('1995-03-07')).toBe('1995-03-07');
    expect(publicBirthDate(null)).toBeNull();
    for (const bad of ['--02-30', '--13-01', '--3-7', '03-07'])
      expect(reasonOf(bad)).toBe('BIRTH_DATE_INVALID:format');
    // Written with the year 1904 it is a real date, and 122 years old.
    expect(reasonOf('1904-03-07')).toBe('BIRTH_DATE_INVALID:age');
  });
});
