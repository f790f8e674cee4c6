import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import request from 'supertest';
import { QueueName } from '../../src/infrastructure/queues/jobs';
import { RefreshStatsRollupTick } from '../../src/modules/stats/jobs/refresh-stats-rollup.tick';
import { loginAs } from '../support/auth';
import { aClientRedemption, aDiscount, aUser } from '../support/factories';
import { createTestApp, eventually, TestApp } from '../support/test-app';

/** 14 July 2026, 12:00 in Vladivostok (UTC+10). */
const NOW = new Date('2026-07-14T02:00:00Z');
const PERIOD = 'from=2026-07-08&to=2026-07-14';

type Rollup = { id: number; offset_minutes: number; completed_at: Date | null; invalidated_at: Date | null };

/**
 * The stats rollup through its real entry points: the hourly tick enqueues a refresh that a worker builds;
 * a client marked as test through the API sets every generation aside at once and gets a new one built;
 * a new shop time zone gets a generation of its own offset. Exact figures either way: test/e2e/stats.
 */
describe('stats rollup: hourly refresh by a worker, set aside when counted data changes', () => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof loginAs>>;
  let marketing: Awaited<ReturnType<typeof loginAs>>;
  let kept: { id: number };
  let markedLater: { id: number };

  const kpiCodes = async () => {
    const response = await request(t.url).get(`/api/v1/stats/kpi?${PERIOD}`).set(marketing.auth);
    expect(response.status).toBe(200);
    const { issued, redeemed, redemptionRate } = response.body.codes;
    return { issued, redeemed, redemptionRate };
  };
  const rollups = async () =>
    (await t.dataSource.query(
      'SELECT id, offset_minutes, completed_at, invalidated_at FROM stats_rollups ORDER BY id',
    )) as Rollup[];
  const readable = (rows: Rollup[]) => rows.filter((r) => r.completed_at && !r.invalidated_at);

  beforeAll(async () => {
    t = await createTestApp({ env: { APP_ROLES: 'api,worker' } });
    t.clock.set(NOW);
    owner = await loginAs(t, 'owner');
    marketing = await loginAs(t, 'marketing');
    const db = t.dataSource;
    kept = await aUser(db, { createdAt: new Date('2026-07-01T00:00:00Z') });
    markedLater = await aUser(db, { createdAt: new Date('2026-07-01T00:00:00Z') });
    // 10 July: two codes, both redeemed on 11 July; 12 July: one code of each client, not redeemed
    for (const client of [kept, markedLater]) {
      const code = await aDiscount(db, client as never, {
        redemptionCount: 1,
        periodKey: `a${client.id}`,
        createdAt: new Date('2026-07-10T01:00:00Z'),
      });
      await aClientRedemption(db, code, { createdAt: new Date('2026-07-11T01:00:00Z') });
      await aDiscount(db, client as never, {
        periodKey: `b${client.id}`,
        createdAt: new Date('2026-07-12T01:00:00Z'),
      });
    }
  });
  afterAll(() => t.close());

  it('is built by a worker from the hourly tick, once per hour however many ticks fire', async () => {
    const tick = t.get(RefreshStatsRollupTick);
    const [first, second] = [await tick.enqueue(), await tick.enqueue()];
    expect(second).toBe(first);
    const queue = t.get<Queue>(getQueueToken(QueueName.Maintenance));
    const job = await eventually(async () => {
      const found = await queue.getJob(first);
      return (await found?.isCompleted()) ? queue.getJob(first) : null;
    });
    expect(job?.returnvalue).toMatchObject({
      mode: 'full',
      coveredUntil: '2026-07-13T14:00:00.000Z',
      completed: true,
    });
    expect(readable(await rollups())).toHaveLength(1);
    const figures = (await t.dataSource.query(
      `SELECT metric, DATE_FORMAT(day, '%Y-%m-%d') AS day, dimension, value FROM stats_rollup_days
        ORDER BY metric, day, dimension`,
    )) as unknown[];
    expect(figures).toEqual([
      { metric: 'codes_issued', day: '2026-07-10', dimension: 'subscription', value: 2 },
      { metric: 'codes_issued', day: '2026-07-12', dimension: 'subscription', value: 2 },
      { metric: 'codes_redeemed', day: '2026-07-10', dimension: 'subscription', value: 2 },
      { metric: 'redemptions', day: '2026-07-11', dimension: 'subscription', value: 2 },
      { metric: 'redemptions_by_source', day: '2026-07-11', dimension: 'direct', value: 2 },
    ]);
    expect(await kpiCodes()).toEqual({ issued: 4, redeemed: 2, redemptionRate: 0.5 });
  });

  it('is set aside when a client is marked as test, then rebuilt without the client', async () => {
    const before = await rollups();
    const response = await request(t.url)
      .patch(`/api/v1/users/${markedLater.id}`)
      .set(marketing.auth)
      .send({ isTest: true });
    expect(response.status).toBe(200);
    // not read any more at once: the figures are counted live until the new generation is complete. The
    // client's codes are not test codes (issued and redeemed-of-issued stay), their redemption no longer counts
    await eventually(async () => (await rollups()).filter((r) => r.invalidated_at).length >= before.length);
    expect(await kpiCodes()).toEqual({ issued: 4, redeemed: 1, redemptionRate: 0.5 });
    const rebuilt = await eventually(async () => {
      const fresh = readable(await rollups()).filter((r) => r.id > before[before.length - 1].id);
      return fresh.length > 0 ? fresh : null;
    });
    expect(rebuilt).toHaveLength(1);
    expect(await kpiCodes()).toEqual({ issued: 4, redeemed: 1, redemptionRate: 0.5 });
  });

  it('gets a generation of its own when the shop moves to another time zone', async () => {
    const response = await request(t.url)
      .put('/api/v1/settings/shop.timezone')
      .set(owner.auth)
      .send({ value: 'Europe/Moscow' });
    expect(response.status).toBe(200);
    await eventually(async () => readable(await rollups()).some((r) => r.offset_minutes === 180));
    // 10 July 01:00Z is 10 July 04:00 in Moscow: same days, same figures, now cut at Moscow midnight
    expect(await kpiCodes()).toEqual({ issued: 4, redeemed: 1, redemptionRate: 0.5 });
  });
});
