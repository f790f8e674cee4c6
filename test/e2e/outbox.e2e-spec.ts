import { Injectable } from '@nestjs/common';
import request from 'supertest';
import { DomainError } from '../../src/common/errors/domain-error';
import { ErrorCode } from '../../src/common/errors/error-code';
import { Fact, DeliveredFact } from '../../src/infrastructure/outbox/fact';
import { MAX_ATTEMPTS, MAX_RETRY_MS } from '../../src/infrastructure/outbox/delivery-backoff';
import { Outbox } from '../../src/infrastructure/outbox/outbox';
import { ConsumesFacts, OutboxConsumer } from '../../src/infrastructure/outbox/outbox-consumer';
import { OutboxDeliveries } from '../../src/infrastructure/outbox/outbox-deliveries';
import { LEASE_MS, OutboxDispatcher } from '../../src/infrastructure/outbox/outbox-dispatcher';
import { loginAs } from '../support/auth';
import { aDiscount, aUser } from '../support/factories';
import { createTestApp, eventually, TestApp } from '../support/test-app';

const POS_KEY = { 'X-API-Key': 'pos-test-key-0123456789abcdef' };

/** A fact of the test's own: its consumer fails `failures` times, then does its work. */
@Fact('test.probe')
class ProbeFact {
  constructor(
    readonly n: number,
    readonly failures: number,
    /** The failures are a dependency outage (SERVICE_UNAVAILABLE) rather than a bug. */
    readonly outage = false,
  ) {}
}

/** Counts its calls per fact, in this app; throws until a fact's failures are used up. */
@Injectable()
@OutboxConsumer('test.probe-consumer', ProbeFact)
class ProbeConsumer implements ConsumesFacts<ProbeFact> {
  readonly calls = new Map<number, number>();
  readonly done: number[] = [];

  async handle({ fact }: DeliveredFact<ProbeFact>): Promise<void> {
    const call = (this.calls.get(fact.n) ?? 0) + 1;
    this.calls.set(fact.n, call);
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (call <= fact.failures && fact.outage) throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'away');
    if (call <= fact.failures) throw new Error(`not yet (${call})`);
    this.done.push(fact.n);
  }
}

interface DeliveryRow {
  consumer: string;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
}

describe('the transactional outbox', () => {
  let t: TestApp;
  let probe: ProbeConsumer;
  let outbox: Outbox;
  let facts = 0;

  beforeAll(async () => {
    t = await createTestApp({ extra: { providers: [ProbeConsumer] } });
    probe = t.get(ProbeConsumer);
    outbox = t.get(Outbox);
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.reset());

  const deliveriesOf = async (eventId: string): Promise<DeliveryRow[]> =>
    (await t.dataSource.query(
      'SELECT consumer, status, attempts, next_attempt_at, last_error FROM outbox_deliveries WHERE event_id = ? ORDER BY consumer',
      [eventId],
    )) as DeliveryRow[];
  const eventsOfType = async (
    type: string,
  ): Promise<Array<{ event_id: string; request_id: string | null }>> =>
    (await t.dataSource.query('SELECT event_id, request_id FROM outbox_events WHERE type = ? ORDER BY id', [
      type,
    ])) as Array<{ event_id: string; request_id: string | null }>;
  /** Records a probe fact in a transaction of its own (no nudge: the test drives the dispatcher). */
  const recordProbe = async (failures: number, outage = false): Promise<{ eventId: string; n: number }> => {
    const n = ++facts;
    const [eventId] = await t.dataSource.transaction((manager) =>
      outbox.record(manager, new ProbeFact(n, failures, outage)),
    );
    return { eventId, n };
  };
  const drain = () => t.get(OutboxDispatcher).drain();

  describe('writing', () => {
    it('records a redemption, its audit row and one delivery per consumer in the redemption’s transaction', async () => {
      const code = (await aDiscount(t.dataSource, await aUser(t.dataSource))).code;
      const answer = await request(t.url)
        .post('/internal/v1/discounts/redeem')
        .set(POS_KEY)
        .set('X-Request-Id', 'outbox-redeem-1')
        .send({ code, terminalId: 'till-1', idempotencyKey: 'outbox-1' });
      expect(answer.status).toBe(200);
      const [event] = await eventsOfType('discount.redeemed');
      expect(event.request_id).toBe('outbox-redeem-1');
      const audit = (await t.dataSource.query(
        "SELECT request_id FROM audit_logs WHERE action = 'discount.redeemed'",
      )) as Array<{ request_id: string }>;
      expect(audit).toEqual([{ request_id: 'outbox-redeem-1' }]);
      await t.settled();
      expect((await deliveriesOf(event.event_id)).map((d) => [d.consumer, d.status])).toEqual([
        ['gifts.referral-reward', 'done'],
        ['notices.client-notice', 'done'],
      ]);
    });

    it('writes nothing when the change rolls back, nor for a refused redemption', async () => {
      const before = await eventsOfType('test.probe');
      await expect(
        t.dataSource.transaction(async (manager) => {
          await outbox.record(manager, new ProbeFact(++facts, 0));
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      expect(await eventsOfType('test.probe')).toEqual(before);

      const used = await aDiscount(t.dataSource, await aUser(t.dataSource), { status: 'used' });
      const redeemedBefore = (await eventsOfType('discount.redeemed')).length;
      const refused = await request(t.url)
        .post('/internal/v1/discounts/redeem')
        .set(POS_KEY)
        .send({ code: used.code, terminalId: 'till-1', idempotencyKey: 'outbox-2' });
      expect(refused.status).toBe(409);
      expect(await eventsOfType('discount.redeemed')).toHaveLength(redeemedBefore);
    });
  });

  describe('dispatching', () => {
    it('retries a failing consumer with a growing wait, then marks it done', async () => {
      const { eventId, n } = await recordProbe(2);
      const start = new Date('2031-03-01T10:00:00.000Z');
      t.clock.set(start);
      await drain();
      let [row] = await deliveriesOf(eventId);
      expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: 'Error: not yet (1)' });
      // The first retry waits about a second (±10 %), the second about two.
      const firstWait = row.next_attempt_at.getTime() - start.getTime();
      expect(firstWait).toBeGreaterThanOrEqual(900);
      expect(firstWait).toBeLessThanOrEqual(1100);
      // Not due yet: a pass now leaves it alone.
      await drain();
      expect(probe.calls.get(n)).toBe(1);

      t.clock.advance(1100);
      await drain();
      [row] = await deliveriesOf(eventId);
      expect(row).toMatchObject({ status: 'pending', attempts: 2 });
      const secondWait = row.next_attempt_at.getTime() - t.clock.now().getTime();
      expect(secondWait).toBeGreaterThanOrEqual(1800);
      expect(secondWait).toBeLessThanOrEqual(2200);

      t.clock.advance(2200);
      await drain();
      [row] = await deliveriesOf(eventId);
      expect(row).toMatchObject({ status: 'done', attempts: 3, last_error: null });
      expect(probe.calls.get(n)).toBe(3);
      expect(probe.done.filter((done) => done === n)).toHaveLength(1);
    });

    it('gives up after the last attempt: failed, listed for owners, counted in /metrics, and retried on request', async () => {
      const { eventId, n } = await recordProbe(Number.MAX_SAFE_INTEGER);
      t.clock.set(new Date('2031-04-01T10:00:00.000Z'));
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        await drain();
        t.clock.advance(MAX_RETRY_MS * 1.2);
      }
      const [row] = await deliveriesOf(eventId);
      expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
      expect(probe.calls.get(n)).toBe(MAX_ATTEMPTS);
      // No further attempt once failed.
      await drain();
      expect(probe.calls.get(n)).toBe(MAX_ATTEMPTS);
      t.clock.reset();

      const { auth } = await loginAs(t, 'owner');
      const failed = await request(t.url).get('/api/v1/outbox/failed').set(auth);
      expect(failed.status).toBe(200);
      expect(failed.body.items).toContainEqual(
        expect.objectContaining({
          eventId,
          consumer: 'test.probe-consumer',
          type: 'test.probe',
          attempts: MAX_ATTEMPTS,
          lastError: `Error: not yet (${MAX_ATTEMPTS})`,
        }),
      );
      const metrics = await request(t.url).get('/metrics');
      expect(metrics.text).toMatch(/^dvorik_outbox_deliveries\{status="failed"\} [1-9]/m);
      expect(metrics.text).toMatch(
        /^dvorik_outbox_failures_total\{consumer="test.probe-consumer",final="true"\} [1-9]/m,
      );

      const { auth: readonly } = await loginAs(t, 'readonly');
      const refused = await request(t.url)
        .post(`/api/v1/outbox/failed/${eventId}/test.probe-consumer/retry`)
        .set(readonly);
      expect(refused.status).toBe(403);
      const retried = await request(t.url)
        .post(`/api/v1/outbox/failed/${eventId}/test.probe-consumer/retry`)
        .set(auth);
      expect(retried.status).toBe(200);
      expect(retried.body).toEqual({ eventId, consumer: 'test.probe-consumer', status: 'pending' });
      const audited = (await t.dataSource.query(
        "SELECT actor_type, entity_type, entity_id FROM audit_logs WHERE action = 'outbox.delivery_retried'",
      )) as Array<{ actor_type: string; entity_type: string; entity_id: string }>;
      expect(audited).toEqual([
        { actor_type: 'admin', entity_type: 'outbox_delivery', entity_id: `${eventId}/test.probe-consumer` },
      ]);
      const again = await request(t.url)
        .post(`/api/v1/outbox/failed/${eventId}/test.probe-consumer/retry`)
        .set(auth);
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('JOB_NOT_FAILED');
      await drain();
      expect(probe.calls.get(n)).toBe(MAX_ATTEMPTS + 1);
      expect((await deliveriesOf(eventId))[0]).toMatchObject({ status: 'pending', attempts: 1 });
    });

    it('does not count a dependency outage towards the attempts: it backs off and is done after the outage', async () => {
      const tries = MAX_ATTEMPTS + 5;
      const { eventId, n } = await recordProbe(tries, true);
      t.clock.set(new Date('2031-05-01T10:00:00.000Z'));
      try {
        await drain();
        const [first] = await deliveriesOf(eventId);
        const firstWait = first.next_attempt_at.getTime() - t.clock.now().getTime();
        for (let attempt = 2; attempt <= tries + 1; attempt++) {
          t.clock.advance(MAX_RETRY_MS * 1.2);
          await drain();
        }
        const row = (
          (await t.dataSource.query(
            'SELECT status, attempts, outages FROM outbox_deliveries WHERE event_id = ?',
            [eventId],
          )) as Array<{ status: string; attempts: number; outages: number }>
        )[0];
        expect(probe.calls.get(n)).toBe(tries + 1);
        expect(row).toMatchObject({ status: 'done', attempts: 1, outages: tries });
        expect(firstWait).toBeGreaterThanOrEqual(900);
        expect(firstWait).toBeLessThanOrEqual(1100);
      } finally {
        t.clock.reset();
      }
    });

    it('runs each delivery once with two dispatchers claiming at the same time', async () => {
      const second = await createTestApp({ reset: false, extra: { providers: [ProbeConsumer] } });
      try {
        const otherProbe = second.get(ProbeConsumer);
        const recorded: Array<{ eventId: string; n: number }> = [];
        for (let i = 0; i < 60; i++) recorded.push(await recordProbe(0));
        await Promise.all([drain(), second.get(OutboxDispatcher).drain(), drain()]);
        // A pass of either app's own poll may still be marking its last results: judge the settled state.
        const statuses = async () =>
          (await Promise.all(recorded.map(async ({ eventId }) => (await deliveriesOf(eventId))[0]))).map(
            ({ status, attempts }) => ({ status, attempts }),
          );
        await eventually(async () => (await statuses()).every(({ status }) => status === 'done'), 10_000);
        const calls = (n: number) => (probe.calls.get(n) ?? 0) + (otherProbe.calls.get(n) ?? 0);
        expect(recorded.filter(({ n }) => calls(n) !== 1)).toEqual([]);
        expect((await statuses()).filter(({ attempts }) => attempts !== 1)).toEqual([]);
      } finally {
        await second.close();
      }
    });

    it('writes a result only under its own lease: a claim that stalled past it changes nothing', async () => {
      const deliveries = t.get(OutboxDeliveries);
      // Recorded due far ahead, so this app's own poll (on the real time) leaves it to the test.
      const at = new Date('2040-01-01T10:00:00.000Z');
      t.clock.set(at);
      const { eventId } = await recordProbe(0);
      t.clock.reset();
      const leases: string[] = [];
      const claimOurs = async (now: Date) => {
        const claimed = await deliveries.claim(now, new Date(now.getTime() + LEASE_MS), 1000);
        leases.push(...new Set(claimed.map((delivery) => delivery.lease)));
        return claimed.find((delivery) => delivery.eventId === eventId)!;
      };
      try {
        const stalled = await claimOurs(at);
        const fresh = await claimOurs(new Date(at.getTime() + LEASE_MS + 1000));
        expect(fresh.lease).not.toBe(stalled.lease);

        expect(await deliveries.done(fresh, at)).toBe(true);
        expect(await deliveries.failed(stalled, 'Error: late', at, new Date(at.getTime() + 1000))).toBe(
          false,
        );
        expect(await deliveries.done(stalled, at)).toBe(false);
        expect((await deliveriesOf(eventId))[0]).toMatchObject({
          status: 'done',
          attempts: 1,
          last_error: null,
        });
      } finally {
        // Other rows the test's claims leased go back to the app's dispatcher.
        if (leases.length > 0) {
          await t.dataSource.query(
            'UPDATE outbox_deliveries SET lease = NULL, locked_until = NULL WHERE lease IN (?)',
            [leases],
          );
        }
      }
    });
  });
});
