import { KnownSecrets, sameSecret } from './constant-time';

describe('constant-time comparison', () => {
  it('matches equal secrets only', () => {
    expect(sameSecret('abc-secret', 'abc-secret')).toBe(true);
    expect(sameSecret('abc-secreT', 'abc-secret')).toBe(false);
    expect(sameSecret('', 'abc-secret')).toBe(false);
    expect(sameSecret('abc-secret-and-more', 'abc-secret')).toBe(false);
  });

  it('finds which API key matched', () => {
    expect(new KnownSecrets(['key-one', 'key-two']).indexOf('key-two')).toBe(1);
    expect(new KnownSecrets(['key-one', 'key-two']).indexOf('key-three')).toBe(-1);
  });

  it('finds a key among secrets hashed once, and nothing for a prefix or an empty key', () => {
    const keys = new KnownSecrets(['key-one', 'key-two', 'key-three']);
    expect(keys.indexOf('key-three')).toBe(2);
    expect(keys.indexOf('key-t')).toBe(-1);
    expect(keys.indexOf('')).toBe(-1);
    expect(new KnownSecrets([]).indexOf('key-one')).toBe(-1);
  });
});
