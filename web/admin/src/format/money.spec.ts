import { formatRubles, kopecksFromRubles, rublesFromKopecks } from './money';

describe('money', () => {
  it('shows kopecks as rubles', () => {
    expect(formatRubles(150050).replace(/\s/g, ' ')).toBe('1 500,5 ₽');
    expect(formatRubles(30000).replace(/\s/g, ' ')).toBe('300 ₽');
    expect(formatRubles(null)).toBe('');
  });

  it('reads rubles typed with a comma or a point, refusing what is not a sum', () => {
    expect(kopecksFromRubles('1500,50')).toBe(150050);
    expect(kopecksFromRubles('1 500.5')).toBe(150050);
    expect(kopecksFromRubles(0.1 + 0.2)).toBe(30);
    expect(kopecksFromRubles('')).toBeNull();
    expect(kopecksFromRubles('-5')).toBeNull();
    expect(kopecksFromRubles('пять')).toBeNull();
    expect(rublesFromKopecks(150050)).toBe(1500.5);
  });
});
