import { brokenFullNameRule, checkCashierFullName } from './cashier-full-name';

function ruleBrokenBy(typed: string): string | null {
  try {
    checkCashierFullName(typed);
    return null;
  } catch (error) {
    return brokenFullNameRule(error);
  }
}

describe('a cashier full name', () => {
  it.each([
    ['Иванова Анна', 'Иванова Анна'],
    ['  Иванова   Анна  Петровна ', 'Иванова Анна Петровна'],
    ['Римский-Корсаков Н. А.', 'Римский-Корсаков Н. А.'],
    ["O'Neil Mary", "O'Neil Mary"],
    ['Йоханссон Ёлка', 'Йоханссон Ёлка'],
    ['Ли Ан', 'Ли Ан'],
  ])('accepts %j as %j', (typed, tidy) => {
    expect(checkCashierFullName(typed)).toBe(tidy);
  });

  it.each([
    ['', 'length'],
    [' ', 'length'],
    ['А', 'length'],
    [`Иванова ${'А'.repeat(128)}`, 'length'],
    ['Анна', 'two_words'],
    ['Анна -', 'two_words'],
    ['Анна 007', 'characters'],
    ['<b>Анна</b> Иванова', 'characters'],
    ['Анна 🍬 Иванова', 'characters'],
    ['Анна_Иванова', 'characters'],
  ])('refuses %j: %s', (typed, rule) => {
    expect(ruleBrokenBy(typed)).toBe(rule);
  });

  it('reads no rule from other errors', () => {
    expect(brokenFullNameRule(new Error('boom'))).toBeNull();
  });
});
