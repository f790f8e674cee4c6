import { Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Clock } from '../../../common/clock/clock';
import { Metrics } from '../../../infrastructure/metrics/metrics';
import { ClientBotSendLimiter, spacedSends } from '../../../infrastructure/telegram/client-bot-send-limiter';
import { MarkClientBlockedCommand } from '../../users/commands/mark-client-blocked.command';
import { BatchOutcomes, groupOutcomes } from '../domain/batch-outcomes';
import { BroadcastContent } from '../domain/broadcast-content';
import { retryDelayMs } from '../domain/send-outcome';
import { DeliveryLedger, Recipient } from '../persistence/delivery-ledger';
import { BroadcastMessage } from './broadcast-message';

/** How a run sends: Telegram rate, paid broadcast, attempts per recipient, recipients per batch. */
export interface SendingSettings {
  perSecond: number;
  paid: boolean;
  maxAttempts: number;
  batchSize: number;
}

export interface ChunkRunDeps {
  ledger: DeliveryLedger;
  limiter: ClientBotSendLimiter;
  message: BroadcastMessage;
  clock: Clock;
  commands: CommandBus;
  metrics: Metrics;
  /** True once the process shuts down. */
  stopping: () => boolean;
  /** The broadcast's status now (a cancel shows here). */
  status: () => Promise<string | null>;
}

export type ChunkTally = Record<
  'sent' | 'blocked' | 'failed' | 'unknown' | 'retried' | 'rateLimited',
  number
>;
export type ChunkEnd = 'done' | 'cancelled' | 'shutdown';

interface Waiting {
  recipient: Recipient;
  /** Not before this time (ms): a backoff after a failure. */
  notBefore: number;
}

/** Batches a chunk run has out at once (its sends in flight: at most this many batches). */
export const BATCHES_IN_FLIGHT = 2;

/** How often a run waiting out a backoff looks at the broadcast's status. */
const STATUS_EVERY_MS = 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends one chunk's pending recipients in batches. Each batch: its slots from the shared limiter (one
 * Redis call for all), its rows claimed (`pending` -> `sending`, one UPDATE, which also stops on a cancel),
 * the API calls, each at its slot, the outcomes recorded (one UPDATE per kind). Two batches at a time (BATCHES_IN_FLIGHT),
 * each recorded before its lane claims the next, so a crash leaves at most two batches `sending`. Stops
 * taking recipients on cancel or shutdown; throws an unexpected error once both lanes have settled.
 */
export class ChunkRun {
  readonly tally: ChunkTally = { sent: 0, blocked: 0, failed: 0, unknown: 0, retried: 0, rateLimited: 0 };
  private readonly logger = new Logger(ChunkRun.name);
  private readonly waiting: Waiting[];
  private end: ChunkEnd | null = null;
  private error: unknown = null;
  private statusReadAt = 0;

  constructor(
    private readonly deps: ChunkRunDeps,
    private readonly broadcastId: number,
    private readonly content: BroadcastContent,
    recipients: Recipient[],
    private readonly settings: SendingSettings,
  ) {
    this.waiting = recipients.map((recipient) => ({ recipient, notBefore: 0 }));
  }

  async run(): Promise<ChunkEnd> {
    await Promise.all(Array.from({ length: BATCHES_IN_FLIGHT }, () => this.lane()));
    if (this.error) throw this.error;
    return this.end ?? 'done';
  }

  /** Batch after batch; two lanes, so one claims and records while the other's sends are out. */
  private async lane(): Promise<void> {
    try {
      for (;;) {
        if (this.stopped()) return;
        const next = this.take();
        if (next === null) return;
        if (typeof next === 'number') {
          if (await this.cancelled()) return;
          await sleep(Math.min(next, 500));
          continue;
        }
        await this.deliver(next);
      }
    } catch (error) {
      this.error ??= error;
    }
  }

  private readonly stopped = (): boolean => {
    if (this.end === null && this.deps.stopping()) this.end = 'shutdown';
    return this.end !== null || this.error !== null;
  };

  /** The next batch of recipients ready to go, ms to wait when all are in backoff, null when none is left. */
  private take(): Recipient[] | number | null {
    if (this.waiting.length === 0) return null;
    const now = Date.now();
    const batch: Recipient[] = [];
    for (let i = 0; i < this.waiting.length && batch.length < this.settings.batchSize;) {
      if (this.waiting[i].notBefore <= now) batch.push(this.waiting.splice(i, 1)[0].recipient);
      else i++;
    }
    if (batch.length > 0) return batch;
    return Math.min(...this.waiting.map((w) => w.notBefore)) - now;
  }

  /** Puts recipients back at the head of the line (slots ran short, or the run stops). */
  private putBack(recipients: Recipient[]): void {
    this.waiting.unshift(...recipients.map((recipient) => ({ recipient, notBefore: 0 })));
  }

  private async cancelled(force = false): Promise<boolean> {
    if (!force && Date.now() - this.statusReadAt < STATUS_EVERY_MS) return false;
    this.statusReadAt = Date.now();
    const status = await this.deps.status();
    if (status !== 'sending') this.end ??= 'cancelled';
    return this.end !== null;
  }

  private async deliver(batch: Recipient[]): Promise<void> {
    const { ledger, clock, limiter, metrics } = this.deps;
    const sendable = await this.skipUnreachable(batch);
    if (sendable.length === 0) return;
    const granted = await limiter.acquireMany(this.settings.perSecond, sendable.length, this.stopped);
    const firstDue = Date.now();
    this.putBack(sendable.slice(granted));
    const slotted = sendable.slice(0, granted);
    if (slotted.length === 0) return;
    const own = new Set(
      await ledger.claimMany(
        this.broadcastId,
        slotted.map((r) => r.userId),
        clock.now(),
      ),
    );
    // None claimed: the broadcast stopped being `sending` (a cancel), or another run of this range has them.
    if (own.size === 0) await this.cancelled(true);
    const claimed = slotted.filter((r) => own.has(r.userId));
    if (claimed.length === 0) return;
    metrics.broadcastSendsInFlight.inc(claimed.length);
    let outcomes;
    try {
      const signal = this.deps.message.timeout();
      outcomes = await spacedSends(claimed, this.settings.perSecond, firstDue, (r) =>
        this.deps.message.send(r.telegramId as number, this.content, this.settings.paid, signal),
      );
    } finally {
      metrics.broadcastSendsInFlight.dec(claimed.length);
    }
    await this.record(claimed, groupOutcomes(claimed, outcomes, this.settings.maxAttempts));
  }

  /** Rows of clients deleted or blocked since the audience was resolved end here, never sent. */
  private async skipUnreachable(batch: Recipient[]): Promise<Recipient[]> {
    const { ledger, clock } = this.deps;
    const deleted = batch.filter((r) => r.telegramId === null || r.userStatus === 'deleted');
    const blocked = batch.filter((r) => !deleted.includes(r) && r.userStatus === 'blocked');
    const as = (code: string, rows: Recipient[]) => rows.map((r) => ({ userId: r.userId, errorCode: code }));
    if (deleted.length > 0)
      this.tally.failed += await ledger.skipMany(
        this.broadcastId,
        'failed',
        as('USER_DELETED', deleted),
        clock.now(),
      );
    if (blocked.length > 0)
      this.tally.blocked += await ledger.skipMany(
        this.broadcastId,
        'blocked',
        as('USER_BLOCKED', blocked),
        clock.now(),
      );
    return batch.filter((r) => !deleted.includes(r) && !blocked.includes(r));
  }

  /** Writes a batch's outcomes, one UPDATE per kind; a 429 pauses every client bot sender first. */
  private async record(claimed: Recipient[], groups: BatchOutcomes): Promise<void> {
    const { ledger, clock, limiter, metrics } = this.deps;
    const now = clock.now();
    if (groups.rateLimited.length > 0) {
      // Every client bot sender waits first (notices too); the rows go back without using up an attempt.
      await limiter.pause(groups.pauseSeconds);
      this.logger.warn(
        { broadcastId: this.broadcastId, retryAfter: groups.pauseSeconds },
        'Telegram said 429: every client bot sender pauses',
      );
    }
    const id = this.broadcastId;
    await Promise.all([
      ledger.markManySent(id, groups.sent, now),
      ledger.markManyFinal(id, 'blocked', groups.blocked, now),
      ledger.markManyFinal(id, 'failed', groups.failed, now),
      ledger.markManyFinal(id, 'unknown', groups.unknown, now),
      ledger.releaseMany(id, groups.rateLimited, now, true),
      ledger.releaseMany(id, groups.retry, now, false),
    ]);
    const byId = new Map(claimed.map((r) => [r.userId, r]));
    for (const { userId } of groups.rateLimited)
      this.waiting.push({ recipient: byId.get(userId) as Recipient, notBefore: 0 });
    for (const { userId, attempts } of groups.retry) {
      const recipient = { ...(byId.get(userId) as Recipient), attempts };
      this.waiting.push({ recipient, notBefore: Date.now() + retryDelayMs(attempts) });
    }
    const counted = {
      sent: groups.sent.length,
      blocked: groups.blocked.length,
      failed: groups.failed.length,
      unknown: groups.unknown.length,
      rate_limited: groups.rateLimited.length,
      retry: groups.retry.length,
    };
    for (const [outcome, n] of Object.entries(counted)) if (n > 0) metrics.broadcastSends.inc({ outcome }, n);
    this.tally.sent += counted.sent;
    this.tally.blocked += counted.blocked;
    this.tally.failed += counted.failed;
    this.tally.unknown += counted.unknown;
    this.tally.rateLimited += counted.rate_limited;
    this.tally.retried += counted.retry;
    for (const { userId } of groups.blocked) await this.markClientBlocked(byId.get(userId)?.telegramId);
  }

  /** The client blocked the bot: their status becomes `blocked` (the users module owns that change). */
  private async markClientBlocked(telegramId: number | null | undefined): Promise<void> {
    if (telegramId === null || telegramId === undefined) return;
    try {
      await this.deps.commands.execute(new MarkClientBlockedCommand(telegramId));
    } catch (error) {
      this.logger.warn({ err: error, telegramId }, 'Could not mark a client who blocked the bot');
    }
  }
}
