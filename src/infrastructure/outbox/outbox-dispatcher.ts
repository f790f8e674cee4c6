import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { Subscription } from 'rxjs';
import { Clock } from '../../common/clock/clock';
import { RequestContext } from '../../common/context/request-context';
import { Metrics } from '../metrics/metrics';
import { isDependencyOutage } from '../../common/errors/dependency-outage';
import { ConsumerTimeout, isLastAttempt, nextTryAt } from './delivery-backoff';
import { isRecordedFact } from './outbox';
import { OutboxConsumers } from './outbox-consumers';
import { ClaimedDelivery, OutboxDeliveries } from './outbox-deliveries';

/** The fallback when no nudge comes (the fact was written by another process, or a retry fell due). */
export const POLL_MS = 1_000;
/** A claimed delivery is this dispatcher's for this long; a crashed dispatcher's rows come back after it. */
export const LEASE_MS = 20_000;
/**
 * A consumer still busy after this long counts as failed, well inside its lease: one stuck on a dependency
 * that neither answers nor refuses must not hold the dispatcher. Its retry waits until the lease runs out,
 * so it never runs beside the late one (which is idempotent, so finishing late does no harm).
 */
const CONSUMER_TIMEOUT_MS = LEASE_MS / 2;
/** Deliveries claimed per UPDATE (and run at once). */
const BATCH = 20;
/** Facts whose every delivery is done are kept this long (an owner's look, a future integrator's feed). */
const KEEP_DONE_MS = 7 * 24 * 3600_000;
const CLEAN_UP_EVERY_MS = 10 * 60_000;
/** Facts deleted per statement (short locks), pages repeated until one comes back short. */
const FORGET_PAGE = 1000;

/**
 * Runs the outbox's deliveries, in the `worker` role: claims the due ones by a lease, hands each to its
 * consumer, marks it done, or schedules the next attempt with exponential backoff (capped) and after the
 * last one leaves it `failed` for an owner (GET /api/v1/outbox/failed, dvorik_outbox_deliveries). Woken at
 * once by a fact this process just committed, and every second by the poll, so a fact written by another
 * process, a retry falling due and a delivery left by a crashed worker are all picked up without Redis.
 * A dependency down makes the consumer throw: the delivery waits and is tried again, never lost.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxDispatcher.name);
  private subscription?: Subscription;
  private timer?: NodeJS.Timeout;
  private running: Promise<number> | null = null;
  private again = false;
  private stopped = false;
  private lastCleanUp = 0;
  private claimFailing = false;

  constructor(
    private readonly deliveries: OutboxDeliveries,
    private readonly consumers: OutboxConsumers,
    private readonly clock: Clock,
    private readonly metrics: Metrics,
    private readonly events: EventBus,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = this.events.subscribe((event) => {
      if (typeof event === 'object' && event !== null && isRecordedFact(event)) this.nudge();
    });
    this.schedule();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.subscription?.unsubscribe();
    clearTimeout(this.timer);
    await this.running;
  }

  /** Starts a pass now (or right after the one running). */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pass().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.nudge();
      }
    });
  }

  /**
   * Runs passes until nothing is due; answers how many deliveries ran. For tests and shutdown: the end of
   * every side effect due now (retries waiting for their time are the future, not waited for).
   */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      await this.running;
      const ran = await this.pass();
      total += ran;
      if (ran === 0 && !this.running) return total;
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.nudge();
      void this.cleanUp();
      this.schedule();
    }, POLL_MS);
    this.timer.unref();
  }

  /** Claims and runs batches until a claim finds nothing; answers how many deliveries ran. */
  private async pass(): Promise<number> {
    let ran = 0;
    for (;;) {
      let claimed: ClaimedDelivery[];
      try {
        const now = this.clock.now();
        claimed = await this.deliveries.claim(now, new Date(now.getTime() + LEASE_MS), BATCH);
        if (this.claimFailing) this.logger.log('The outbox is reachable again');
        this.claimFailing = false;
      } catch (error) {
        // The database is away (or a deadlock with another dispatcher): the poll tries again in a second.
        if (!this.claimFailing) this.logger.warn({ err: error }, 'Could not claim outbox deliveries');
        this.claimFailing = true;
        return ran;
      }
      if (claimed.length === 0) return ran;
      await Promise.all(claimed.map((delivery) => this.run(delivery)));
      ran += claimed.length;
    }
  }

  private async run(delivery: ClaimedDelivery): Promise<void> {
    const attempt = delivery.attempts + 1;
    try {
      const consumer = this.consumers.named(delivery.consumer);
      if (!consumer) throw new Error(`No outbox consumer "${delivery.consumer}" in this version`);
      const work = RequestContext.run({ requestId: `outbox-${delivery.eventId}`, ip: null }, () =>
        consumer.handle({
          eventId: delivery.eventId,
          type: delivery.type,
          fact: delivery.payload as never,
          createdAt: delivery.createdAt,
          attempt,
        }),
      );
      await withTimeout(work, CONSUMER_TIMEOUT_MS, delivery.consumer);
    } catch (error) {
      await this.retryLater(delivery, attempt, error);
      return;
    }
    try {
      if (!(await this.deliveries.done(delivery, this.clock.now()))) this.lostLease(delivery, 'done');
    } catch (error) {
      // The work is done but not marked: the lease runs out and the (idempotent) consumer runs again.
      this.logger.warn({ err: error, consumer: delivery.consumer }, 'Could not mark an outbox delivery done');
    }
  }

  private async retryLater(delivery: ClaimedDelivery, attempt: number, error: unknown): Promise<void> {
    // MariaDB or Redis away: the attempt backs off but does not count towards the limit, so an outage
    // longer than the attempts' hour leaves nothing failed.
    const outage = isDependencyOutage(error);
    const last = !outage && isLastAttempt(attempt);
    const now = this.clock.now();
    const tries = delivery.attempts + delivery.outages + 1;
    const retryAt = last ? null : nextTryAt(now, tries, delivery.lockedUntil, error);
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.metrics.outboxFailures.inc({ consumer: delivery.consumer, final: String(last) });
    this.logger.warn(
      { err: error, consumer: delivery.consumer, eventId: delivery.eventId, attempt, outage, retryAt },
      last ? 'An outbox delivery failed its last attempt' : 'An outbox delivery failed; it will be retried',
    );
    try {
      if (!(await this.deliveries.failed(delivery, reason, now, retryAt, outage))) {
        this.lostLease(delivery, 'failed');
      }
    } catch (markError) {
      // Not marked: the lease runs out and the delivery is tried again, the attempt uncounted.
      this.logger.warn({ err: markError, consumer: delivery.consumer }, 'Could not record an outbox failure');
    }
  }

  /** The claim ran out before its result was written: the row is another claim's now, its result kept. */
  private lostLease(delivery: ClaimedDelivery, result: 'done' | 'failed'): void {
    this.logger.warn(
      { consumer: delivery.consumer, eventId: delivery.eventId, result },
      'An outbox delivery outlived its lease: its result was not written (the newer claim decides)',
    );
  }

  private async cleanUp(): Promise<void> {
    const now = this.clock.now().getTime();
    if (now - this.lastCleanUp < CLEAN_UP_EVERY_MS) return;
    this.lastCleanUp = now;
    try {
      // Page after page until one comes back short: a busy week's facts are more than one page.
      const before = new Date(now - KEEP_DONE_MS);
      while ((await this.deliveries.forgetDone(before, FORGET_PAGE)) === FORGET_PAGE && !this.stopped);
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not forget old outbox facts');
    }
  }
}

function withTimeout(work: Promise<void>, ms: number, consumer: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ConsumerTimeout(`${consumer} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
