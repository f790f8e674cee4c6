import { tooDeep } from './validation';

describe('tooDeep', () => {
  const nested = (depth: number): unknown => (depth === 0 ? 1 : { a: nested(depth - 1) });

  it('passes input up to the limit and names the top-level field that goes deeper', () => {
    expect(
      tooDeep({ filter: { all: [{ any: [{ field: 'tags', op: 'any', value: ['vip'] }] }] } }, 8),
    ).toBeNull();
    expect(tooDeep({ a: nested(3) }, 4)).toBeNull();
    expect(tooDeep({ ok: 1, a: nested(4) }, 4)).toBe('a');
    expect(tooDeep([1, [[[[1]]]]], 4)).toBe('1');
    expect(tooDeep('x', 0)).toBeNull();
  });

  it('walks any depth without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(tooDeep({ filter: deep })).toBe('filter');
  });
});
