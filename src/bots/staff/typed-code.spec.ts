import { codeInText } from './typed-code';

describe('a code in a cashier’s message', () => {
  it.each([
    ['K7M2QX9A', 'K7M2QX9A'],
    ['  k7m2 qx9a ', 'K7M2QX9A'],
    ['k7m2-qx9a', 'K7M2QX9A'],
    ['К7М2QХ9А', 'K7M2QX9A'], // Cyrillic look-alikes
    ['ABCD', 'ABCD'], // short: looks like a code, simply not found later
    ['Код: K7M2QX9A', 'K7M2QX9A'],
    ['https://t.me/dvorik_bot?start=K7M2QX9A', 'K7M2QX9A'],
  ])('%j => %s', (text, code) => {
    expect(codeInText(text)).toBe(code);
  });

  it.each([[''], ['   '], ['Привет, как дела?'], ['K7M2QX9A и R3DM4Y8Q'], ['сколько стоит мармелад']])(
    '%j holds no single code',
    (text) => {
      expect(codeInText(text)).toBeNull();
    },
  );
});
