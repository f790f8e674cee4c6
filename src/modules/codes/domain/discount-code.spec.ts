import { CODE_ALPHABET, CODE_LENGTH, generateCode, looksLikeCode, normalizeCode } from './discount-code';

describe('discount codes', () => {
  it('use an alphabet without look-alikes', () => {
    for (const confusable of ['0', 'O', '1', 'I', 'L']) expect(CODE_ALPHABET).not.toContain(confusable);
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
    expect(CODE_ALPHABET).toHaveLength(31);
  });

  it('generates 8 characters of the alphabet, every character reachable', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = generateCode();
      expect(code).toHaveLength(CODE_LENGTH);
      expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{8}$`));
      for (const c of code) seen.add(c);
    }
    expect(seen.size).toBe(CODE_ALPHABET.length);
  });

  it('draws each character from the given random source (the CSPRNG by default)', () => {
    const calls: number[] = [];
    const code = generateCode((n) => {
      calls.push(n);
      return calls.length - 1;
    });
    expect(calls).toEqual(Array(8).fill(31));
    expect(code).toBe(CODE_ALPHABET.slice(0, 8));
  });

  it('rarely repeats: 20 000 codes, no duplicate', () => {
    const codes = new Set(Array.from({ length: 20_000 }, () => generateCode()));
    expect(codes.size).toBe(20_000);
  });

  it.each([
    ['k7m2qx9a', 'K7M2QX9A'],
    ['  K7M2 QX9A ', 'K7M2QX9A'],
    ['k7m2-qx9a', 'K7M2QX9A'],
    ['K7M2—QX9A', 'K7M2QX9A'],
    ['K7M2_QX9A', 'K7M2QX9A'],
    ['к7м2qх9а', 'K7M2QX9A'], // Cyrillic к, м, х, а typed on a Russian layout
    ['K7M2\u00A0QX9A', 'K7M2QX9A'],
  ])('normalises %j to %s', (typed, stored) => {
    expect(normalizeCode(typed)).toBe(stored);
  });

  it('tells code-like text from chatter', () => {
    expect(looksLikeCode('k7m2 qx9a')).toBe(true);
    expect(looksLikeCode('Привет, как дела?')).toBe(false);
    expect(looksLikeCode('ab')).toBe(false);
  });
});
