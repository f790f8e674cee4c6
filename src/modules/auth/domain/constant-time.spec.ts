import { matchingKeyIndex, sameSecret } from './constant-time';

describe('constant-time comparison', () => {
  it('matches equal secrets only', () => {
    expect(sameSecret('abc-secret', 'abc-secret')).toBe(true);
    expect(sameSecret('abc-secreT', 'abc-secret')).toBe(false);
    expect(sameSecret('', 'abc-secret')).toBe(false);
    expect(sameSecret('abc-secret-and-more', 'abc-secret')).toBe(false);
  });

  it('finds which API key matched', () => {
    expect(matchingKeyIndex('key-two', ['key-one', 'key-two'])).toBe(1);
    expect(matchingKeyIndex('key-three', ['key-one', 'key-two'])).toBe(-1);
  });
});
