import { compileSegmentFilter, SegmentFilterContext } from './compile-segment-filter';
import { momentInterval } from './moment-interval';

/** 14 July 2026, 12:00 in Vladivostok. */
const NOW = new Date('2026-07-14T02:00:00Z');
const CONTEXT: SegmentFilterContext = { now: NOW, timezone: 'Asia/Vladivostok' };
const DAY = 24 * 3600 * 1000;

const compile = (filter: unknown) => compileSegmentFilter(filter, CONTEXT, { paramPrefix: 'p' });
const one = (field: string, op: string, value?: unknown, extra: object = {}) =>
  compile({ all: [{ field, op, ...(value === undefined ? {} : { value }), ...extra }] });

describe('compileSegmentFilter', () => {
  it('matches everyone for an empty "all"', () => {
    expect(compile({ all: [] })).toEqual({ sql: '1=1', params: {}, fields: [] });
  });

  it('joins groups with AND / OR and nests them in parentheses', () => {
    const compiled = compile({
      any: [
        { field: 'isSubscribed', op: 'eq', value: true },
        {
          all: [
            { field: 'status', op: 'eq', value: 'active' },
            { field: 'isTest', op: 'eq', value: false },
          ],
        },
      ],
    });
    expect(compiled.sql).toBe('(u.is_subscribed = :p0 OR (u.status = :p1 AND u.is_test = :p2))');
    expect(compiled.params).toEqual({ p0: 1, p1: 'active', p2: 0 });
    expect(compiled.fields).toEqual(['isSubscribed', 'status', 'isTest']);
  });

  it('tests tags with JSON_CONTAINS on a JSON-quoted parameter', () => {
    expect(one('tags', 'any', ['VIP', 'опт'])).toEqual({
      sql: '(JSON_CONTAINS(u.tags, JSON_QUOTE(:p0)) OR JSON_CONTAINS(u.tags, JSON_QUOTE(:p1)))',
      params: { p0: 'vip', p1: 'опт' },
      fields: ['tags'],
    });
    expect(one('tags', 'all', ['a', 'b']).sql).toBe(
      '(JSON_CONTAINS(u.tags, JSON_QUOTE(:p0)) AND JSON_CONTAINS(u.tags, JSON_QUOTE(:p1)))',
    );
    expect(one('tags', 'none', ['a']).sql).toBe('NOT (JSON_CONTAINS(u.tags, JSON_QUOTE(:p0)))');
  });

  it('compares source and status, lists through IN (:...name)', () => {
    expect(one('source', 'eq', 'vk')).toMatchObject({ sql: 'u.source = :p0', params: { p0: 'vk' } });
    expect(one('source', 'neq', 'vk').sql).toBe('u.source <> :p0');
    expect(one('source', 'in', ['vk', 'vk', 'tg'])).toMatchObject({
      sql: 'u.source IN (:...p0)',
      params: { p0: ['vk', 'tg'] },
    });
    expect(one('status', 'in', ['blocked', 'deleted'])).toMatchObject({
      sql: 'u.status IN (:...p0)',
      params: { p0: ['blocked', 'deleted'] },
    });
  });

  it('asks for a usable code for hasActiveDiscount, or none', () => {
    const yes = one('hasActiveDiscount', 'eq', true);
    expect(yes.sql).toBe(
      "EXISTS (SELECT 1 FROM discounts ad WHERE ad.user_id = u.id AND ad.status = 'active'" +
        ' AND ad.suspended_at IS NULL AND (ad.expires_at IS NULL OR ad.expires_at > :p0))',
    );
    expect(yes.params).toEqual({ p0: NOW });
    expect(one('hasActiveDiscount', 'eq', false).sql).toMatch(/^NOT EXISTS \(SELECT 1 FROM discounts ad /);
  });

  it('uses the indexed birth_month / birth_day columns', () => {
    expect(one('birthday', 'inCurrentMonth')).toMatchObject({
      sql: 'u.birth_month = :p0',
      params: { p0: 7 },
    });
    expect(one('birthday', 'month', 2)).toMatchObject({ sql: 'u.birth_month = :p0', params: { p0: 2 } });
    expect(one('birthday', 'withinDays', 0)).toMatchObject({
      sql: '(u.birth_month = :p0 AND u.birth_day = :p1)',
      params: { p0: 7, p1: 14 },
    });
    expect(one('birthday', 'withinDays', 50)).toMatchObject({
      sql:
        '(u.birth_month IN (:...p0) OR (u.birth_month = :p1 AND u.birth_day BETWEEN :p2 AND :p3)' +
        ' OR (u.birth_month = :p4 AND u.birth_day BETWEEN :p5 AND :p6))',
      // 14 July + 50 days = 2 September: August whole.
      params: { p0: [8], p1: 7, p2: 14, p3: 31, p4: 9, p5: 1, p6: 2 },
    });
  });

  it('reads the current month in the shop time zone', () => {
    const lateOn30June = new Date('2026-06-30T20:00:00Z'); // 1 July, 06:00 in Vladivostok
    const compiled = compileSegmentFilter(
      { all: [{ field: 'birthday', op: 'inCurrentMonth' }] },
      { now: lateOn30June, timezone: 'Asia/Vladivostok' },
      { paramPrefix: 'p' },
    );
    expect(compiled.params).toEqual({ p0: 7 });
  });

  it('turns day counts into rolling cut-offs; never-active clients are "older than" any day count', () => {
    expect(one('registeredAt', 'withinLastDays', 7)).toMatchObject({
      sql: 'u.created_at >= :p0',
      params: { p0: new Date(NOW.getTime() - 7 * DAY) },
    });
    expect(one('registeredAt', 'olderThanDays', 30).sql).toBe('u.created_at < :p0');
    expect(one('lastActivityAt', 'olderThanDays', 30)).toMatchObject({
      sql: '(u.last_activity_at < :p0 OR u.last_activity_at IS NULL)',
      params: { p0: new Date(NOW.getTime() - 30 * DAY) },
    });
    expect(one('lastActivityAt', 'withinLastDays', 1).sql).toBe('u.last_activity_at >= :p0');
  });

  it('reads bare dates as whole shop days: after = later than that day, before = earlier, between = through', () => {
    const march1 = momentInterval('2026-03-01', 'Asia/Vladivostok');
    expect(march1).toEqual({
      start: new Date('2026-02-28T14:00:00Z'),
      end: new Date('2026-03-01T14:00:00Z'),
    });
    expect(one('registeredAt', 'after', '2026-03-01')).toMatchObject({
      sql: 'u.created_at >= :p0',
      params: { p0: new Date('2026-03-01T14:00:00Z') },
    });
    expect(one('registeredAt', 'before', '2026-03-01')).toMatchObject({
      sql: 'u.created_at < :p0',
      params: { p0: new Date('2026-02-28T14:00:00Z') },
    });
    expect(one('lastActivityAt', 'between', ['2026-03-01', '2026-03-31'])).toMatchObject({
      sql: '(u.last_activity_at >= :p0 AND u.last_activity_at < :p1)',
      params: { p0: new Date('2026-02-28T14:00:00Z'), p1: new Date('2026-03-31T14:00:00Z') },
    });
  });

  it('reads date-times as instants, in shop time without an offset', () => {
    expect(one('registeredAt', 'after', '2026-03-01T09:30:00Z').params).toEqual({
      p0: new Date('2026-03-01T09:30:00.001Z'),
    });
    expect(one('registeredAt', 'before', '2026-03-01T09:30').params).toEqual({
      p0: new Date('2026-02-28T23:30:00Z'),
    });
  });

  it('counts codes and redemptions with correlated subqueries, EXISTS where it can', () => {
    expect(one('discountsCount', 'gte', 3)).toMatchObject({
      sql: '(SELECT COUNT(*) FROM discounts dc WHERE dc.user_id = u.id) >= :p0',
      params: { p0: 3 },
    });
    expect(one('discountsCount', 'gte', 1, { reason: 'birthday' })).toMatchObject({
      sql: 'EXISTS (SELECT 1 FROM discounts dc WHERE dc.user_id = u.id AND dc.reason = :p0)',
      params: { p0: 'birthday' },
    });
    expect(one('discountsCount', 'gte', 0).sql).toBe('1=1');
    expect(one('redemptionsCount', 'eq', 0).sql).toBe(
      "NOT EXISTS (SELECT 1 FROM discount_usage_logs rl WHERE rl.user_id = u.id AND rl.action = 'redeemed')",
    );
    expect(one('redemptionsCount', 'lte', 2, { reason: 'subscription' })).toMatchObject({
      sql:
        '(SELECT COUNT(*) FROM discount_usage_logs rl JOIN discounts rd ON rd.id = rl.discount_id' +
        " WHERE rl.user_id = u.id AND rl.action = 'redeemed' AND rd.reason = :p0) <= :p1",
      params: { p0: 'subscription', p1: 2 },
    });
  });

  it('never writes an input value into the SQL', () => {
    const compiled = compile({
      all: [
        { field: 'tags', op: 'any', value: ['drop_table', 'users--'] },
        { field: 'source', op: 'in', value: ['union_select'] },
        { field: 'registeredAt', op: 'between', value: ['2026-01-01', '2026-02-01T10:00:00+03:00'] },
      ],
    });
    for (const text of ['drop_table', 'users--', 'union_select', '2026'])
      expect(compiled.sql).not.toContain(text);
  });

  it('names parameters the same way every time (no hidden counter); two filters in one query take two prefixes', () => {
    const filter = { all: [{ field: 'isTest', op: 'eq', value: false }] };
    const first = compileSegmentFilter(filter, CONTEXT);
    const again = compileSegmentFilter(filter, CONTEXT);
    expect(Object.keys(first.params)).toEqual(['sf_0']);
    expect(again).toEqual(first);
    const other = compileSegmentFilter(filter, CONTEXT, { paramPrefix: 'other_' });
    expect(Object.keys(other.params)).toEqual(['other_0']);
  });

  it('compiles the seeded system segments', () => {
    expect(compile({ all: [{ field: 'isSubscribed', op: 'eq', value: true }] }).sql).toBe(
      'u.is_subscribed = :p0',
    );
    expect(compile({ all: [{ field: 'birthday', op: 'inCurrentMonth' }] }).sql).toBe('u.birth_month = :p0');
    expect(compile({ all: [{ field: 'lastActivityAt', op: 'olderThanDays', value: 30 }] }).sql).toBe(
      '(u.last_activity_at < :p0 OR u.last_activity_at IS NULL)',
    );
    expect(compile({ all: [{ field: 'registeredAt', op: 'withinLastDays', value: 7 }] }).sql).toBe(
      'u.created_at >= :p0',
    );
  });
});
