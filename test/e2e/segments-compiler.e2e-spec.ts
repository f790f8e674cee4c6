import { DomainError } from '../../src/common/errors/domain-error';
import { compileSegmentFilter } from '../../src/modules/segments/domain/compile-segment-filter';
import { Segment } from '../../src/modules/segments/persistence/segment.entity';
import {
  CountSegmentQuery,
  ListSegmentMemberIdsQuery,
  ResolveSegmentQuery,
} from '../../src/modules/segments/queries/resolve-segment.query';
import { User } from '../../src/modules/users/persistence/user.entity';
import { aClientRedemption, aDiscount, aUser } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

/** 14 July 2026, 12:00 in Vladivostok. */
const NOW = new Date('2026-07-14T02:00:00Z');
const VLADIVOSTOK = 'Asia/Vladivostok';
const at = (iso: string) => new Date(iso);

/**
 * The compiler against real rows in MariaDB: clients built with factories, a filter compiled, the query run,
 * the ids compared with the ones the rule describes.
 */
describe('segment filter compiler against seeded clients', () => {
  let t: TestApp;
  const ids: Record<string, number> = {};

  /** Ids (by name) of the clients `filter` selects, evaluated at `now` in `timezone`. */
  async function matching(filter: unknown, now = NOW, timezone = VLADIVOSTOK): Promise<string[]> {
    const { sql, params } = compileSegmentFilter(filter, { now, timezone });
    const rows = await t.dataSource
      .createQueryBuilder(User, 'u')
      .select('u.id', 'id')
      .where(sql, params)
      .orderBy('u.id')
      .getRawMany<{ id: number }>();
    const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
    return rows.map((row) => names[Number(row.id)]).sort();
  }
  const rule = (field: string, op: string, value?: unknown, extra: object = {}) => ({
    all: [{ field, op, ...(value === undefined ? {} : { value }), ...extra }],
  });

  beforeAll(async () => {
    t = await createTestApp({ env: { APP_ROLES: 'api' } });
    t.clock.set(NOW);
    const anna = await aUser(t.dataSource, {
      firstName: 'Анна',
      tags: ['vip', 'сладкоежка'],
      source: 'instagram',
      isSubscribed: true,
      birthDate: '1990-07-20',
      createdAt: at('2026-07-10T03:00:00Z'),
      lastActivityAt: at('2026-07-13T03:00:00Z'),
    });
    const boris = await aUser(t.dataSource, {
      firstName: 'Борис',
      tags: ['vip'],
      source: 'vk',
      status: 'blocked',
      birthDate: '1985-12-31',
      createdAt: at('2026-01-15T03:00:00Z'),
      lastActivityAt: at('2026-05-01T03:00:00Z'),
    });
    const vera = await aUser(t.dataSource, {
      firstName: 'Вера',
      source: 'direct',
      isSubscribed: true,
      birthDate: '2000-02-29',
      createdAt: at('2025-06-01T03:00:00Z'),
      lastActivityAt: null,
    });
    // 13 July 15:00 UTC is already 14 July 01:00 in Vladivostok.
    const gleb = await aUser(t.dataSource, {
      firstName: 'Глеб',
      tags: ['опт'],
      source: 'instagram',
      isTest: true,
      createdAt: at('2026-07-13T15:00:00Z'),
      lastActivityAt: at('2026-07-14T01:00:00Z'),
    });
    const gone = await aUser(t.dataSource, {
      firstName: null,
      telegramId: null,
      source: 'vk',
      status: 'deleted',
      createdAt: at('2024-03-01T03:00:00Z'),
      lastActivityAt: at('2025-01-01T03:00:00Z'),
    });
    // 1 March 00:00 in Vladivostok.
    const dina = await aUser(t.dataSource, {
      firstName: 'Дина',
      tags: ['опт', 'vip'],
      source: 'flyer',
      birthDate: '1995-01-02',
      createdAt: at('2026-02-28T14:00:00Z'),
      lastActivityAt: at('2026-06-01T03:00:00Z'),
    });
    Object.assign(ids, {
      anna: anna.id,
      boris: boris.id,
      vera: vera.id,
      gleb: gleb.id,
      gone: gone.id,
      dina: dina.id,
    });

    // Codes: anna has a usable one and a used birthday gift; boris one past its expiry (still marked
    // active: the hourly job has not run); dina a suspended subscription gift and two redeemed manual codes.
    await aDiscount(t.dataSource, anna, { reason: 'subscription', expiresAt: at('2026-08-01T00:00:00Z') });
    const annaBirthday = await aDiscount(t.dataSource, anna, {
      reason: 'birthday',
      templateId: 2,
      status: 'used',
      usedAt: at('2026-07-01T03:00:00Z'),
    });
    await aDiscount(t.dataSource, boris, {
      reason: 'manual',
      templateId: 3,
      expiresAt: at('2026-07-01T00:00:00Z'),
    });
    await aDiscount(t.dataSource, dina, { reason: 'subscription', suspendedAt: at('2026-06-01T00:00:00Z') });
    for (const n of [1, 2]) {
      const manual = await aDiscount(t.dataSource, dina, { reason: 'manual', templateId: 3, status: 'used' });
      await aClientRedemption(t.dataSource, manual, { idempotencyKey: `dina-${n}` });
    }
    await aClientRedemption(t.dataSource, annaBirthday);
    // A rejected attempt is not a redemption.
    await aClientRedemption(t.dataSource, annaBirthday, {
      action: 'rejected',
      rejectCode: 'CODE_ALREADY_USED',
    });
  });
  afterAll(() => t.close());

  it('matches everyone for { all: [] }', async () => {
    expect(await matching({ all: [] })).toEqual(['anna', 'boris', 'dina', 'gleb', 'gone', 'vera']);
  });

  it('tags: any, all, none (case-insensitive as stored, Cyrillic included)', async () => {
    expect(await matching(rule('tags', 'any', ['VIP', 'сладкоежка']))).toEqual(['anna', 'boris', 'dina']);
    expect(await matching(rule('tags', 'any', ['опт']))).toEqual(['dina', 'gleb']);
    expect(await matching(rule('tags', 'all', ['vip', 'опт']))).toEqual(['dina']);
    expect(await matching(rule('tags', 'none', ['vip']))).toEqual(['gleb', 'gone', 'vera']);
  });

  it('source: eq, neq, in', async () => {
    expect(await matching(rule('source', 'eq', 'instagram'))).toEqual(['anna', 'gleb']);
    expect(await matching(rule('source', 'neq', 'instagram'))).toEqual(['boris', 'dina', 'gone', 'vera']);
    expect(await matching(rule('source', 'in', ['vk', 'flyer']))).toEqual(['boris', 'dina', 'gone']);
  });

  it('isSubscribed, status, isTest', async () => {
    expect(await matching(rule('isSubscribed', 'eq', true))).toEqual(['anna', 'vera']);
    expect(await matching(rule('isSubscribed', 'eq', false))).toEqual(['boris', 'dina', 'gleb', 'gone']);
    expect(await matching(rule('status', 'eq', 'blocked'))).toEqual(['boris']);
    expect(await matching(rule('status', 'in', ['blocked', 'deleted']))).toEqual(['boris', 'gone']);
    expect(await matching(rule('isTest', 'eq', true))).toEqual(['gleb']);
  });

  it('birthday: this month and a given month, in shop time', async () => {
    expect(await matching(rule('birthday', 'inCurrentMonth'))).toEqual(['anna']);
    expect(await matching(rule('birthday', 'month', 12))).toEqual(['boris']);
    // 31 December 20:00 UTC is already January in Vladivostok.
    const newYearEve = at('2026-12-31T20:00:00Z');
    expect(await matching(rule('birthday', 'inCurrentMonth'), newYearEve)).toEqual(['dina']);
    expect(await matching(rule('birthday', 'inCurrentMonth'), newYearEve, 'UTC')).toEqual(['boris']);
  });

  it('birthday within N days: today through N days ahead, across the new year', async () => {
    expect(await matching(rule('birthday', 'withinDays', 5))).toEqual([]);
    expect(await matching(rule('birthday', 'withinDays', 6))).toEqual(['anna']);
    expect(await matching(rule('birthday', 'withinDays', 3), at('2026-12-30T02:00:00Z'))).toEqual([
      'boris',
      'dina',
    ]);
    expect(await matching(rule('birthday', 'withinDays', 0), at('2027-01-02T02:00:00Z'))).toEqual(['dina']);
  });

  it('birthday on 29 February counts on 28 February in a common year only', async () => {
    expect(await matching(rule('birthday', 'withinDays', 0), at('2027-02-28T02:00:00Z'))).toEqual(['vera']);
    expect(await matching(rule('birthday', 'withinDays', 0), at('2028-02-28T02:00:00Z'))).toEqual([]);
    expect(await matching(rule('birthday', 'withinDays', 0), at('2028-02-29T02:00:00Z'))).toEqual(['vera']);
  });

  it('registeredAt: rolling days, and dates as whole shop days', async () => {
    expect(await matching(rule('registeredAt', 'withinLastDays', 7))).toEqual(['anna', 'gleb']);
    expect(await matching(rule('registeredAt', 'olderThanDays', 365))).toEqual(['gone', 'vera']);
    expect(await matching(rule('registeredAt', 'between', ['2026-07-14', '2026-07-14']))).toEqual(['gleb']);
    expect(await matching(rule('registeredAt', 'between', ['2026-07-14', '2026-07-14']), NOW, 'UTC')).toEqual(
      [],
    );
    // Dina registered at 00:00 on 1 March, shop time: "after 28 February" includes her, "before 1 March" not.
    expect(await matching(rule('registeredAt', 'after', '2026-02-28'))).toEqual(['anna', 'dina', 'gleb']);
    expect(await matching(rule('registeredAt', 'before', '2026-03-01'))).toEqual(['boris', 'gone', 'vera']);
    expect(await matching(rule('registeredAt', 'after', '2026-02-28T14:00:00Z'))).toEqual(['anna', 'gleb']);
  });

  it('lastActivityAt: "older than" includes never-active clients; dates and instants', async () => {
    expect(await matching(rule('lastActivityAt', 'olderThanDays', 30))).toEqual([
      'boris',
      'dina',
      'gone',
      'vera',
    ]);
    expect(await matching(rule('lastActivityAt', 'withinLastDays', 2))).toEqual(['anna', 'gleb']);
    expect(await matching(rule('lastActivityAt', 'before', '2026-06-01'))).toEqual(['boris', 'gone']);
    expect(await matching(rule('lastActivityAt', 'between', ['2026-05-01', '2026-06-01']))).toEqual([
      'boris',
      'dina',
    ]);
    expect(await matching(rule('lastActivityAt', 'after', '2026-07-13T03:00:00Z'))).toEqual(['gleb']);
  });

  it('discountsCount and redemptionsCount, with and without a reason', async () => {
    expect(await matching(rule('discountsCount', 'gte', 1))).toEqual(['anna', 'boris', 'dina']);
    expect(await matching(rule('discountsCount', 'gte', 3))).toEqual(['dina']);
    expect(await matching(rule('discountsCount', 'eq', 2))).toEqual(['anna']);
    expect(await matching(rule('discountsCount', 'eq', 0))).toEqual(['gleb', 'gone', 'vera']);
    expect(await matching(rule('discountsCount', 'lte', 1))).toEqual(['boris', 'gleb', 'gone', 'vera']);
    expect(await matching(rule('discountsCount', 'gte', 1, { reason: 'birthday' }))).toEqual(['anna']);
    expect(await matching(rule('redemptionsCount', 'gte', 1))).toEqual(['anna', 'dina']);
    expect(await matching(rule('redemptionsCount', 'eq', 2))).toEqual(['dina']);
    expect(await matching(rule('redemptionsCount', 'eq', 1))).toEqual(['anna']);
    expect(await matching(rule('redemptionsCount', 'gte', 1, { reason: 'manual' }))).toEqual(['dina']);
    expect(await matching(rule('redemptionsCount', 'eq', 0, { reason: 'manual' }))).toEqual([
      'anna',
      'boris',
      'gleb',
      'gone',
      'vera',
    ]);
  });

  it('hasActiveDiscount: a code usable now (not expired by date, not suspended)', async () => {
    expect(await matching(rule('hasActiveDiscount', 'eq', true))).toEqual(['anna']);
    expect(await matching(rule('hasActiveDiscount', 'eq', false))).toEqual([
      'boris',
      'dina',
      'gleb',
      'gone',
      'vera',
    ]);
    // After anna's code expires on 1 August, nobody has one.
    expect(await matching(rule('hasActiveDiscount', 'eq', true), at('2026-08-02T00:00:00Z'))).toEqual([]);
  });

  it('nests groups with any / all', async () => {
    const filter = {
      any: [
        {
          all: [
            { field: 'tags', op: 'any', value: ['vip'] },
            { field: 'status', op: 'eq', value: 'active' },
          ],
        },
        {
          all: [
            { field: 'isSubscribed', op: 'eq', value: true },
            { field: 'birthday', op: 'month', value: 2 },
          ],
        },
      ],
    };
    expect(await matching(filter)).toEqual(['anna', 'dina', 'vera']);
  });

  it('ResolveSegmentQuery / CountSegmentQuery: active non-test clients unless the filter says otherwise', async () => {
    const count = (source: ConstructorParameters<typeof CountSegmentQuery>[0], options = {}) =>
      t.queries.execute(new CountSegmentQuery(source, options));
    expect(await count({ filter: { all: [] } })).toBe(3); // anna, vera, dina
    expect(await count({ filter: rule('status', 'eq', 'blocked') })).toBe(1);
    expect(await count({ filter: rule('isTest', 'eq', true) })).toBe(1);
    expect(await count({ filter: { all: [] } }, { testUsers: 'only' })).toBe(1);
    expect(await count({ filter: rule('isTest', 'eq', true) }, { testUsers: 'exclude' })).toBe(0);
    expect(await count({ filter: { all: [] } }, { statuses: 'any', testUsers: 'include' })).toBe(6);
    // Data, not a query builder: a condition over `users u` the caller puts into its own statement.
    const segment = await t.queries.execute(
      new ResolveSegmentQuery({ filter: rule('tags', 'any', ['vip']) }),
    );
    expect(Object.keys(segment.params).every((name) => name.startsWith('seg_'))).toBe(true);
    const users = await t.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .where(segment.sql, segment.params)
      .orderBy('u.id')
      .getMany();
    expect(users.map((u) => u.firstName)).toEqual(['Анна', 'Дина']);
    const ids = (afterId: number) =>
      t.queries.execute(new ListSegmentMemberIdsQuery({ filter: rule('tags', 'any', ['vip']) }, afterId, 1));
    const [first] = await ids(0);
    expect(await ids(first)).toEqual([users[1].id]);
    expect(first).toBe(users[0].id);
  });

  it('resolves the seeded system segments by id', async () => {
    const segments = await t.dataSource.getRepository(Segment).find({ order: { id: 'ASC' } });
    expect(segments.map((s) => s.isSystem)).toEqual([true, true, true, true, true]);
    const counts: Record<string, number> = {};
    for (const segment of segments) {
      counts[segment.name] = await t.queries.execute(new CountSegmentQuery({ segmentId: segment.id }));
    }
    // Active, non-test clients: anna, vera, dina.
    expect(counts).toEqual({
      'Все клиенты': 3,
      'Подписчики канала': 2, // anna, vera
      'День рождения в этом месяце': 1, // anna (20 July)
      'Не заходили 30 дней': 2, // vera (never), dina (1 June)
      'Новые за 7 дней': 1, // anna
    });
  });

  it('refuses bad filters with the path of the bad rule', async () => {
    const failure = async (filter: unknown) => {
      try {
        await t.queries.execute(new CountSegmentQuery({ filter }));
      } catch (error) {
        return { code: (error as DomainError).code, path: (error as DomainError).details?.path };
      }
      return 'accepted';
    };
    expect(await failure({ all: [{ any: [{ field: 'tags', op: 'has', value: ['x'] }] }] })).toEqual({
      code: 'SEGMENT_FILTER_INVALID',
      path: 'all[0].any[0].op',
    });
    expect(await failure({ all: [{ field: 'age', op: 'gte', value: 3 }] })).toEqual({
      code: 'SEGMENT_FILTER_INVALID',
      path: 'all[0].field',
    });
    expect(await failure({ any: [{ field: 'birthday', op: 'month', value: 13 }] })).toEqual({
      code: 'SEGMENT_FILTER_INVALID',
      path: 'any[0].value',
    });
    expect(
      await failure({ all: [{ field: 'source', op: 'eq', value: "x'; DROP TABLE users; --" }] }),
    ).toMatchObject({
      path: 'all[0].value',
    });
    await expect(t.queries.execute(new CountSegmentQuery({ segmentId: 999 }))).rejects.toMatchObject({
      code: 'SEGMENT_NOT_FOUND',
    });
  });
});
