import { birthdayText, readBirthday } from './typed-birthday';

const TODAY = { year: 2026, month: 11, day: 25 };
const read = (text: string) => readBirthday(text, TODAY);
const problem = (text: string) => {
  const reading = read(text);
  return reading.ok ? 'ok' : reading.problem;
};

describe('reading a typed birthday', () => {
  it('takes ДД.ММ.ГГГГ with the usual separators, one-digit days and months, and spaces around', () => {
    for (const text of [
      '25.11.1990',
      '25/11/1990',
      '25,11,1990',
      '25-11-1990',
      '25 11 1990',
      ' 25 . 11 . 1990 ',
      '25.11.1990.',
    ]) {
      expect(read(text)).toEqual({ ok: true, birthday: { day: 25, month: 11, year: 1990 } });
    }
    expect(read('7.3.1995')).toEqual({ ok: true, birthday: { day: 7, month: 3, year: 1995 } });
    expect(read('07.03.1995 г.')).toEqual({ ok: true, birthday: { day: 7, month: 3, year: 1995 } });
    expect(read('1995-03-07')).toEqual({ ok: true, birthday: { day: 7, month: 3, year: 1995 } });
  });

  it('takes ДД.ММ without a year, 29 February included', () => {
    expect(read('25.11')).toEqual({ ok: true, birthday: { day: 25, month: 11, year: null } });
    expect(read('1/2')).toEqual({ ok: true, birthday: { day: 1, month: 2, year: null } });
    expect(read('29.02')).toEqual({ ok: true, birthday: { day: 29, month: 2, year: null } });
  });

  it('takes a month written as a word', () => {
    expect(read('25 ноября 1990')).toEqual({ ok: true, birthday: { day: 25, month: 11, year: 1990 } });
    expect(read('1 Мая')).toEqual({ ok: true, birthday: { day: 1, month: 5, year: null } });
    expect(read('3 авг')).toEqual({ ok: true, birthday: { day: 3, month: 8, year: null } });
    expect(read('3 августа 2001 года')).toEqual({ ok: true, birthday: { day: 3, month: 8, year: 2001 } });
  });

  it('refuses what does not read as a date', () => {
    for (const text of [
      '',
      'завтра',
      '25',
      '25.11.1990.12',
      '25..',
      'abc.11.1990',
      '25.11.199',
      '123.1.1990',
      '25 смарта',
    ]) {
      expect(problem(text)).toBe('format');
    }
  });

  it('asks for a four-digit year', () => {
    expect(problem('25.11.90')).toBe('short_year');
  });

  it('refuses days that are not in the calendar', () => {
    for (const text of [
      '32.01.1990',
      '31.04.1990',
      '29.02.2023',
      '00.05.1990',
      '15.13.1990',
      '30.02',
      '31.11',
    ]) {
      expect(problem(text)).toBe('impossible');
    }
    expect(problem('29.02.2000')).toBe('ok');
  });

  it('refuses the future and ages outside 5..120, counted to the day in shop time', () => {
    expect(problem('26.11.2026')).toBe('future');
    expect(problem('01.01.2030')).toBe('future');
    expect(problem('25.11.2021')).toBe('ok'); // 5 today
    expect(problem('26.11.2021')).toBe('age'); // 5 tomorrow
    expect(problem('25.11.2026')).toBe('age'); // born today
    expect(problem('26.11.1905')).toBe('ok'); // 120
    expect(problem('25.11.1905')).toBe('age'); // 121 today
  });
});

describe('showing a birthday', () => {
  it('names the month, so day and month cannot be read the wrong way round', () => {
    expect(birthdayText({ day: 7, month: 3, year: 1995 })).toBe('7 марта 1995');
    expect(birthdayText({ day: 25, month: 11, year: null })).toBe('25 ноября');
  });
});
