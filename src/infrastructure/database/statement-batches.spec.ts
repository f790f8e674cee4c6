import { assertScalarValues, jsonValue } from './statement-batches';

describe('jsonValue', () => {
  it('sets a dotted path with the caller’s expression', () => {
    expect(jsonValue({ path: '$.redeemed.redemptionId', expression: '@usage' })).toBe(
      "JSON_SET(?, '$.redeemed.redemptionId', @usage)",
    );
    expect(jsonValue()).toBe('?');
  });

  it('refuses a path that is not `$` and member names', () => {
    for (const path of ["$.a', 1) --", '$[0]', 'a.b', '$."x"', '$ .a']) {
      expect(() => jsonValue({ path, expression: '@x' })).toThrow('Not a JSON path');
    }
  });
});

describe('assertScalarValues', () => {
  it('lets strings, numbers, booleans, dates and null through', () => {
    expect(() => assertScalarValues(['a', 1, 2.5, true, new Date(), null])).not.toThrow();
  });

  it('refuses objects, arrays, undefined, buffers, bigints and non-finite numbers', () => {
    for (const value of [{ a: 1 }, [1], undefined, Buffer.from('x'), BigInt(1), Number.NaN]) {
      expect(() => assertScalarValues(['ok', value])).toThrow('Batch value #1');
    }
  });
});
