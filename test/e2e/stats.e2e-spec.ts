import request from 'supertest';
import { CommandBus } from '@nestjs/cqrs';
import {
  RefreshStatsRollupCommand,
  RefreshStatsRollupResult,
} from '../../src/modules/stats/commands/refresh-stats-rollup.command';
import { StatsRollups } from '../../src/modules/stats/persistence/stats-rollups';
import { loginAs } from '../support/auth';
import { aCashier, aClientRedemption, aDiscount, aUser } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

/** 14 July 2026, 12:00 in Vladivostok (UTC+10, no DST). */
const NOW = new Date('2026-07-14T02:00:00Z');
const at = (iso: string) => new Date(iso);

/**
 * A hand-built shop. Shop days are Vladivostok days: 1 July starts at 2026-06-30T14:00:00Z. The period asked
 * for is 1..3 July, i.e. [2026-06-30T14:00Z, 2026-07-03T14:00Z).
 */
describe('stats API: KPIs, daily series and sources in shop time, without test data', () => {
  let t: TestApp;
  let reader: Awaited<ReturnType<typeof loginAs>>;
  const get = async (path: string) => {
    const response = await request(t.url).get(`/api/v1/stats/${path}`).set(reader.auth);
    expect(response.status).toBe(200);
    return response.body as Record<string, unknown>;
  };

  beforeAll(async () => {
    t = await createTestApp({ env: { APP_ROLES: 'api' } });
    t.clock.set(NOW);
    reader = await loginAs(t, 'readonly');
    const db = t.dataSource;

    // u0: the last millisecond of 30 June in shop time: before the period (but part of the total)
    const u0 = await aUser(db, { source: 'instagram', createdAt: at('2026-06-30T13:59:59.999Z') });
    // u1: shop midnight of 1 July exactly: the first moment of the period
    const u1 = await aUser(db, {
      source: 'instagram',
      isSubscribed: true,
      birthDate: '1990-07-20',
      createdAt: at('2026-06-30T14:00:00Z'),
    });
    const u2 = await aUser(db, {
      source: 'vk',
      isSubscribed: true,
      referredByUserId: u0.id,
      createdAt: at('2026-07-02T03:00:00Z'),
    });
    const u3 = await aUser(db, {
      source: 'direct',
      status: 'blocked',
      createdAt: at('2026-07-03T13:59:59Z'),
    });
    // after the period: shop 4 July 00:00
    await aUser(db, {
      source: 'vk',
      isSubscribed: true,
      birthDate: '1904-01-02',
      createdAt: at('2026-07-03T14:00:00Z'),
    });
    // a registration in the period, since anonymised: counts as a registration, not in the total
    await aUser(db, {
      source: 'direct',
      status: 'deleted',
      telegramId: null,
      createdAt: at('2026-07-02T05:00:00Z'),
    });
    // test data: never counts
    const tester = await aUser(db, {
      source: 'instagram',
      isTest: true,
      isSubscribed: true,
      birthDate: '1991-01-01',
      referredByUserId: u0.id,
      createdAt: at('2026-07-01T03:00:00Z'),
    });

    const c1 = await aDiscount(db, u1, {
      reason: 'subscription',
      redemptionCount: 1,
      createdAt: at('2026-07-01T01:00:00Z'),
    });
    await aClientRedemption(db, c1, { createdAt: at('2026-07-02T02:00:00Z') });
    await aDiscount(db, u2, { reason: 'birthday', templateId: 2, createdAt: at('2026-07-02T02:00:00Z') });
    // issued on shop 30 June (23:00), redeemed on shop 1 July
    const c3 = await aDiscount(db, u0, {
      reason: 'manual',
      templateId: 3,
      redemptionCount: 1,
      createdAt: at('2026-06-30T13:00:00Z'),
    });
    await aClientRedemption(db, c3, { createdAt: at('2026-07-01T05:00:00Z') });
    // issued at the period's last second, redeemed just after it
    const c6 = await aDiscount(db, u3, {
      reason: 'bulk',
      templateId: 3,
      periodKey: 'job-1',
      redemptionCount: 1,
      createdAt: at('2026-07-03T13:59:59Z'),
    });
    await aClientRedemption(db, c6, { createdAt: at('2026-07-03T14:00:00Z') });
    // test codes, one of a real client and one of the test client: never count
    const t1 = await aDiscount(db, u1, {
      reason: 'manual',
      templateId: 3,
      periodKey: 'x',
      isTest: true,
      redemptionCount: 1,
      createdAt: at('2026-07-01T02:00:00Z'),
    });
    await aClientRedemption(db, t1, { createdAt: at('2026-07-01T03:00:00Z') });
    const t2 = await aDiscount(db, tester, {
      reason: 'subscription',
      isTest: true,
      redemptionCount: 1,
      createdAt: at('2026-07-01T04:00:00Z'),
    });
    await aClientRedemption(db, t2, { createdAt: at('2026-07-01T04:30:00Z') });

    const broadcast = async (
      fields: Record<string, unknown>,
      deliveries: [number, string, string | null][],
    ) => {
      const result = (await db.query(
        `INSERT INTO broadcasts (title, text, status, is_test, started_at, finished_at) VALUES (?, 'Привет', ?, ?, ?, ?)`,
        [fields.title, fields.status, fields.isTest ? 1 : 0, fields.startedAt, fields.finishedAt],
      )) as { insertId: number };
      for (const [userId, status, sentAt] of deliveries) {
        await db.query(
          `INSERT INTO broadcast_deliveries (broadcast_id, user_id, status, sent_at) VALUES (?, ?, ?, ?)`,
          [result.insertId, userId, status, sentAt ? at(sentAt) : null],
        );
      }
    };
    await broadcast(
      {
        title: 'Июль',
        status: 'sent',
        startedAt: at('2026-07-02T00:00:00Z'),
        finishedAt: at('2026-07-02T01:00:00Z'),
      },
      [
        [u0.id, 'sent', '2026-07-02T00:10:00Z'],
        [u1.id, 'sent', '2026-07-02T00:20:00Z'],
        [u2.id, 'blocked', null],
        [u3.id, 'failed', null],
      ],
    );
    await broadcast(
      {
        title: 'Тест',
        status: 'sent',
        isTest: true,
        startedAt: at('2026-07-02T00:00:00Z'),
        finishedAt: at('2026-07-02T00:05:00Z'),
      },
      [[tester.id, 'sent', '2026-07-02T00:01:00Z']],
    );
    await broadcast(
      {
        title: 'Июнь',
        status: 'sent',
        startedAt: at('2026-06-30T08:00:00Z'),
        finishedAt: at('2026-06-30T10:00:00Z'),
      },
      [[u0.id, 'sent', '2026-06-30T09:00:00Z']],
    );

    await aCashier(db, { status: 'approved' });
    await aCashier(db, { status: 'approved' });
    await aCashier(db, { status: 'pending' });
    await aCashier(db, { status: 'revoked' });
  });
  afterAll(() => t.close());

  /** Builds a rollup generation as the job does, with the clock at `at`. */
  const refreshAt = async (at: string): Promise<RefreshStatsRollupResult> => {
    t.clock.set(new Date(at));
    try {
      return await t.get(CommandBus).execute(new RefreshStatsRollupCommand());
    } finally {
      t.clock.set(NOW);
    }
  };

  /*
   * The same exact figures, whichever way they are counted: live; from a rollup cut at shop 2 July 05:55
   * (days up to 1 July rolled up, c1's first redemption on 2 July after its cutoff counted live); from an
   * incremental generation built on that one at shop 3 July 02:00; from a full rebuild at NOW.
   */
  describe.each<[string, () => Promise<void>]>([
    [
      'counted live',
      async () => {
        await t.dataSource.query('DELETE FROM stats_rollups');
      },
    ],
    [
      'from a rollup of the days up to 1 July',
      async () => {
        const built = await refreshAt('2026-07-01T20:00:00Z');
        expect(built).toMatchObject({
          mode: 'full',
          coveredUntil: '2026-07-01T14:00:00.000Z',
          completed: true,
        });
      },
    ],
    [
      'from an incremental rollup up to 2 July built on the previous one',
      async () => {
        // c1's first redemption (2 July 02:00Z) falls between the two cutoffs: added by the build
        const built = await refreshAt('2026-07-02T16:00:00Z');
        expect(built).toMatchObject({
          mode: 'incremental',
          coveredUntil: '2026-07-02T14:00:00.000Z',
          completed: true,
        });
      },
    ],
    [
      'from a full rollup up to 13 July',
      async () => {
        await t.dataSource.query('DELETE FROM stats_rollups');
        expect(await refreshAt(NOW.toISOString())).toMatchObject({ mode: 'full', completed: true });
      },
    ],
  ])('%s', (_mode, prepare) => {
    beforeAll(prepare);

    it('gives exact KPIs for 1..3 July: shop-midnight boundaries, test data left out', async () => {
      expect(await get('kpi?from=2026-07-01&to=2026-07-03')).toEqual({
        from: '2026-07-01',
        to: '2026-07-03',
        users: { total: 4, new: 4, subscribed: 2, subscribedShare: 0.5, birthdaysSet: 1, referrals: 1 },
        codes: {
          issued: 3,
          issuedByReason: { subscription: 1, birthday: 1, manual: 0, bulk: 1, referral: 0 },
          redeemed: 2,
          redeemedByReason: { subscription: 1, birthday: 0, manual: 1, bulk: 0, referral: 0 },
          redemptionRate: 0.6667,
        },
        broadcasts: { sent: 1, recipients: 4, delivered: 2, blocked: 1, deliveryRate: 0.5, blockRate: 0.25 },
        activeCashiers: 2,
      });
    });

    it('moves a registration one millisecond across shop midnight into the other day', async () => {
      const june30 = (await get('kpi?from=2026-06-30&to=2026-06-30')) as {
        users: { new: number; total: number };
      };
      expect(june30.users).toMatchObject({ new: 1, total: 1 });
      const july4 = (await get('kpi?from=2026-07-04&to=2026-07-04')) as {
        users: { new: number; total: number };
      };
      expect(july4.users).toMatchObject({ new: 1, total: 5 });
    });

    it('gives a daily series by shop day with zeros on days without events', async () => {
      const body = await get('daily?from=2026-06-29&to=2026-07-04');
      expect(body).toEqual({
        from: '2026-06-29',
        to: '2026-07-04',
        days: [
          { date: '2026-06-29', newUsers: 0, codesIssued: 0, redemptions: 0, messagesSent: 0 },
          { date: '2026-06-30', newUsers: 1, codesIssued: 1, redemptions: 0, messagesSent: 1 },
          { date: '2026-07-01', newUsers: 1, codesIssued: 1, redemptions: 1, messagesSent: 0 },
          { date: '2026-07-02', newUsers: 2, codesIssued: 1, redemptions: 1, messagesSent: 2 },
          { date: '2026-07-03', newUsers: 1, codesIssued: 1, redemptions: 0, messagesSent: 0 },
          { date: '2026-07-04', newUsers: 1, codesIssued: 0, redemptions: 1, messagesSent: 0 },
        ],
      });
    });

    it('gives registrations, subscriptions and redemptions by source', async () => {
      expect(await get('sources?from=2026-07-01&to=2026-07-03')).toEqual({
        from: '2026-07-01',
        to: '2026-07-03',
        items: [
          { source: 'direct', registrations: 2, subscriptions: 0, redemptions: 0 },
          { source: 'instagram', registrations: 1, subscriptions: 1, redemptions: 2 },
          { source: 'vk', registrations: 1, subscriptions: 1, redemptions: 0 },
        ],
      });
    });
  });

  describe('rollup generations', () => {
    const generations = async () =>
      (await t.dataSource.query(
        `SELECT r.id, r.based_on_rollup_id AS basedOn, r.completed_at IS NOT NULL AS complete,
                r.invalidated_at IS NOT NULL AS setAside, COUNT(d.rollup_id) AS figures
           FROM stats_rollups r LEFT JOIN stats_rollup_days d ON d.rollup_id = r.id
          GROUP BY r.id ORDER BY r.id`,
      )) as { id: number; basedOn: number | null; complete: number; setAside: number; figures: number }[];
    const kpi = () => get('kpi?from=2026-07-01&to=2026-07-03');
    let expected: Record<string, unknown>;

    beforeAll(async () => {
      await t.dataSource.query('DELETE FROM stats_rollups');
      expected = await kpi();
    });

    it('builds on the previous generation hourly, counts all history again after a day, prunes superseded ones', async () => {
      const first = await refreshAt('2026-07-12T02:00:00Z');
      const second = await refreshAt('2026-07-12T03:00:00Z');
      expect([first.mode, second.mode]).toEqual(['full', 'incremental']);
      // an hour on, the first one (superseded by the second an hour ago) goes, figures with it
      const third = await refreshAt('2026-07-12T04:00:00Z');
      expect(third.mode).toBe('incremental');
      expect((await generations()).map((g) => g.id)).toEqual([second.rollupId, third.rollupId]);
      const [left] = (await t.dataSource.query(
        'SELECT COUNT(*) AS n FROM stats_rollup_days WHERE rollup_id = ?',
        [first.rollupId],
      )) as { n: unknown }[];
      expect(Number(left.n)).toBe(0);
      // a day after the full build: all history again
      expect((await refreshAt('2026-07-13T02:30:00Z')).mode).toBe('full');
      expect(await kpi()).toEqual(expected);
    });

    it('skips a build asked for by a change when a newer generation is already there', async () => {
      const built = await t
        .get(CommandBus)
        .execute(new RefreshStatsRollupCommand(new Date('2026-07-13T01:00:00Z')));
      expect(built).toMatchObject({ mode: 'skipped', rollupId: null });
    });

    it('does not read a generation whose cutoff is ahead of now (a clock that ran ahead)', async () => {
      await t.dataSource.query('DELETE FROM stats_rollups');
      const ahead = await refreshAt('2026-07-14T05:00:00Z');
      expect(ahead).toMatchObject({ mode: 'full', completed: true });
      expect(await t.get(StatsRollups).current(600, NOW)).toBeNull();
      expect(await kpi()).toEqual(expected);
      // nor builds on it: the next build at the real time counts all history again
      expect((await refreshAt(NOW.toISOString())).mode).toBe('full');
    });

    it('does not complete a generation whose base was set aside while it was building', async () => {
      const rollups = t.get(StatsRollups);
      const base = await rollups.current(600, NOW);
      expect(base).not.toBeNull();
      const bounds = { cutoff: NOW, coveredUntil: new Date('2026-07-13T14:00:00Z'), offsetMinutes: 600 };
      const building = await rollups.begin(bounds, base, NOW);
      await rollups.copy(base!.id, building);
      await rollups.invalidateAll(NOW);
      expect(await rollups.complete(building, base!.id, NOW)).toBe(false);
      expect(await rollups.current(600, NOW)).toBeNull();
      expect(await kpi()).toEqual(expected);
    });
  });

  it('defaults to the last 30 shop days, today included', async () => {
    const body = (await get('daily')) as { from: string; to: string; days: unknown[] };
    expect(body).toMatchObject({ from: '2026-06-15', to: '2026-07-14' });
    expect(body.days).toHaveLength(30);
  });

  it.each([
    ['from=2026-07-05&to=2026-07-01', 'from'],
    ['from=2025-01-01&to=2026-07-01', 'to'],
    ['from=2026-02-30', 'from'],
    ['to=14.07.2026', 'to'],
  ])('refuses %s with VALIDATION_FAILED', async (query, field) => {
    const response = await request(t.url).get(`/api/v1/stats/kpi?${query}`).set(reader.auth);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field })]),
    );
  });

  it('is open to every admin role and closed without a token', async () => {
    for (const role of ['owner', 'marketing'] as const) {
      const { auth } = await loginAs(t, role);
      expect((await request(t.url).get('/api/v1/stats/sources').set(auth)).status).toBe(200);
    }
    expect((await request(t.url).get('/api/v1/stats/kpi')).status).toBe(401);
  });
});
