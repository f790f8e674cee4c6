import { DomainError } from '../../../common/errors/domain-error';
import { checkSegmentFilter } from './check-segment-filter';

const TZ = 'Asia/Vladivostok';

/** The DomainError `checkSegmentFilter(input)` throws, as `{ code, path, message }`. */
function failure(input: unknown): { code: string; path: unknown; message: string } {
  try {
    checkSegmentFilter(input, TZ);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, path: error.details?.path, message: error.message };
  }
  throw new Error(`accepted ${JSON.stringify(input)}`);
}

const rule = (field: string, op: string, value?: unknown, extra: object = {}) => ({
  all: [{ field, op, ...(value === undefined ? {} : { value }), ...extra }],
});

describe('checkSegmentFilter', () => {
  it('accepts every rule of the grammar', () => {
    const filter = {
      all: [
        { field: 'tags', op: 'any', value: ['vip', 'Сладкоежка'] },
        { field: 'tags', op: 'all', value: ['a_b-1'] },
        { field: 'tags', op: 'none', value: ['stop'] },
        { field: 'source', op: 'eq', value: 'instagram' },
        { field: 'source', op: 'neq', value: 'direct' },
        { field: 'source', op: 'in', value: ['vk', 'flyer_2026'] },
        { field: 'isSubscribed', op: 'eq', value: true },
        { field: 'status', op: 'eq', value: 'blocked' },
        { field: 'status', op: 'in', value: ['active', 'deleted'] },
        { field: 'isTest', op: 'eq', value: false },
        { field: 'birthday', op: 'inCurrentMonth' },
        { field: 'birthday', op: 'month', value: 12 },
        { field: 'birthday', op: 'withinDays', value: 0 },
        {
          any: [
            { field: 'registeredAt', op: 'withinLastDays', value: 7 },
            { field: 'registeredAt', op: 'olderThanDays', value: 365 },
            { field: 'registeredAt', op: 'after', value: '2026-01-01' },
            { field: 'registeredAt', op: 'before', value: '2026-01-01T10:00:00+03:00' },
            { field: 'lastActivityAt', op: 'between', value: ['2026-01-01', '2026-01-01'] },
            { field: 'lastActivityAt', op: 'after', value: '2026-01-01T10:00' },
          ],
        },
        { field: 'discountsCount', op: 'gte', value: 2 },
        { field: 'redemptionsCount', op: 'eq', value: 0, reason: 'birthday' },
        { field: 'discountsCount', op: 'lte', value: 1, reason: 'referral' },
        { field: 'hasActiveDiscount', op: 'eq', value: false },
      ],
    };
    const tree = checkSegmentFilter(filter, TZ);
    expect(tree).toMatchObject({ kind: 'group', mode: 'all', path: '$' });
    if (tree.kind !== 'group') throw new Error('a group');
    expect(tree.children).toHaveLength(18);
    expect(tree.children[0]).toEqual({
      kind: 'rule',
      path: 'all[0]',
      // Tags compare in lower case, as they are stored.
      rule: { field: 'tags', op: 'any', value: ['vip', 'сладкоежка'] },
    });
    expect(tree.children[13]).toMatchObject({ kind: 'group', mode: 'any', path: 'all[13]' });
  });

  it('accepts the seeded system segments', () => {
    for (const filter of [
      { all: [] },
      { all: [{ field: 'isSubscribed', op: 'eq', value: true }] },
      { all: [{ field: 'birthday', op: 'inCurrentMonth' }] },
      { all: [{ field: 'lastActivityAt', op: 'olderThanDays', value: 30 }] },
      { all: [{ field: 'registeredAt', op: 'withinLastDays', value: 7 }] },
    ]) {
      expect(() => checkSegmentFilter(filter, TZ)).not.toThrow();
    }
  });

  it('names the bad rule by its path, however deep', () => {
    const filter = {
      all: [
        { field: 'isSubscribed', op: 'eq', value: true },
        { any: [{ field: 'tags', op: 'contains', value: ['vip'] }] },
      ],
    };
    expect(failure(filter)).toEqual({
      code: 'SEGMENT_FILTER_INVALID',
      path: 'all[1].any[0].op',
      message: 'all[1].any[0].op: "tags" allows the operators: any, all, none',
    });
    const deeper = { any: [{ all: [{ any: [{ field: 'age', op: 'gte', value: 18 }] }] }] };
    expect(failure(deeper).path).toBe('any[0].all[0].any[0].field');
    expect(failure(deeper).message).toContain('allowed: tags, source, isSubscribed, status');
  });

  it('refuses a root that is not a group', () => {
    for (const input of [null, 'all', [], 42, { field: 'tags', op: 'any', value: ['a'] }]) {
      expect(failure(input).path).toBe('$');
    }
    expect(failure({ all: [], any: [] }).path).toBe('$');
    expect(failure({ every: [] }).path).toBe('$');
    expect(failure({ all: {} }).path).toBe('all');
  });

  it('refuses malformed groups and items', () => {
    expect(failure({ all: [{ all: [], any: [] }] }).path).toBe('all[0]');
    expect(failure({ all: ['isTest'] }).path).toBe('all[0]');
    expect(failure({ all: [{ any: [] }] })).toMatchObject({ path: 'all[0].any' });
  });

  it('refuses unknown keys in a rule, and `reason` outside the count rules', () => {
    expect(failure(rule('isTest', 'eq', true, { note: 'x' })).path).toBe('all[0].note');
    expect(failure(rule('isTest', 'eq', true, { reason: 'birthday' })).path).toBe('all[0].reason');
    expect(failure(rule('discountsCount', 'gte', 1, { reason: 'gift' }))).toMatchObject({
      path: 'all[0].reason',
      message: expect.stringContaining('subscription, birthday, manual, bulk, referral'),
    });
  });

  it('nests groups at most 5 deep', () => {
    const nest = (levels: number): object =>
      levels === 1 ? { all: [{ field: 'isTest', op: 'eq', value: false }] } : { any: [nest(levels - 1)] };
    expect(() => checkSegmentFilter(nest(5), TZ)).not.toThrow();
    expect(failure(nest(6))).toMatchObject({
      path: 'any[0].any[0].any[0].any[0].any[0]',
      message: expect.stringContaining('at most 5 levels'),
    });
  });

  it('holds at most 50 rules', () => {
    const rules = (n: number) =>
      Array.from({ length: n }, () => ({ field: 'isTest', op: 'eq', value: false }));
    expect(() => checkSegmentFilter({ all: [...rules(25), { any: rules(25) }] }, TZ)).not.toThrow();
    expect(failure({ all: [...rules(25), { any: rules(26) }] })).toMatchObject({
      path: 'all[25].any[25]',
      message: expect.stringContaining('at most 50 rules'),
    });
  });

  it.each([
    ['tags', 'any', [], 'all[0].value'],
    ['tags', 'any', 'vip', 'all[0].value'],
    ['tags', 'all', ['ok', 'no spaces'], 'all[0].value[1]'],
    ['tags', 'none', ['x'.repeat(33)], 'all[0].value[0]'],
    ['tags', 'any', Array.from({ length: 101 }, (_, i) => `t${i}`), 'all[0].value'],
    ['source', 'eq', 'Instagram', 'all[0].value'],
    ['source', 'eq', "x' OR 1=1 --", 'all[0].value'],
    ['source', 'in', ['vk', ''], 'all[0].value[1]'],
    ['isSubscribed', 'eq', 'true', 'all[0].value'],
    ['isTest', 'eq', 1, 'all[0].value'],
    ['hasActiveDiscount', 'eq', null, 'all[0].value'],
    ['status', 'eq', 'banned', 'all[0].value'],
    ['status', 'in', ['active', 'gone'], 'all[0].value[1]'],
    ['birthday', 'inCurrentMonth', 3, 'all[0].value'],
    ['birthday', 'month', 13, 'all[0].value'],
    ['birthday', 'month', 0, 'all[0].value'],
    ['birthday', 'withinDays', 367, 'all[0].value'],
    ['birthday', 'withinDays', 1.5, 'all[0].value'],
    ['registeredAt', 'withinLastDays', 0, 'all[0].value'],
    ['lastActivityAt', 'olderThanDays', -3, 'all[0].value'],
    ['registeredAt', 'after', '2026-02-30', 'all[0].value'],
    ['registeredAt', 'before', '01.03.2026', 'all[0].value'],
    ['registeredAt', 'before', 1767225600000, 'all[0].value'],
    ['lastActivityAt', 'between', ['2026-01-01'], 'all[0].value'],
    ['lastActivityAt', 'between', ['2026-01-01', 'soon'], 'all[0].value[1]'],
    ['lastActivityAt', 'between', ['2026-02-01', '2026-01-01'], 'all[0].value'],
    ['discountsCount', 'gte', -1, 'all[0].value'],
    ['redemptionsCount', 'lte', '3', 'all[0].value'],
  ])('refuses %s %s %j at %s', (field, op, value, path) => {
    expect(failure(rule(field, op, value))).toMatchObject({ code: 'SEGMENT_FILTER_INVALID', path });
  });

  it('says which operators a field has and lists them in details', () => {
    try {
      checkSegmentFilter(rule('birthday', 'eq', 5), TZ);
      throw new Error('accepted');
    } catch (error) {
      expect((error as DomainError).details).toEqual({
        path: 'all[0].op',
        allowed: ['inCurrentMonth', 'month', 'withinDays'],
      });
    }
    expect(failure(rule('lastActivityAt', 'between', ['2026-02-01', '2026-01-01'])).message).toBe(
      'all[0].value: "from" must not be later than "to"',
    );
  });
});
