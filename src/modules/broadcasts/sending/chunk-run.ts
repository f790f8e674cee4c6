import { Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Clock } from '../../../common/clock/clock';
import { Metrics } from '../../../infrastructure/metrics/metrics';
import { ClientBotSendLimiter } from '../../../infrastructure/telegram/client-bot-send-limiter';
import { MarkClientBlockedCommand } from '../../users/commands/mark-client-blocked.command';
import { BroadcastContent } from '../domain/broadcast-content';
import { retryDelayMs, SendOutcome } from '../domain/send-outcome';
import { DeliveryLedger, Recipient } from '../persistence/delivery-ledger';
import { BroadcastMessage } from './broadcast-message';
import { SentRecorder } from './sent-recorder';

/** How a run sends: Telegram rate, paid broadcast, attempts per recipient, parallel sends. */
export interface SendingSettings {
  perSecond: number;
  paid: boolean;
  maxAttempts: number;
  lanes: number;
}

export interface ChunkRunDeps {
  ledger: DeliveryLedger;
  limiter: ClientBotSendLimiter;
  message: BroadcastMessage;
  clock: Clock;
  commands: CommandBus;
  metrics: Metrics;
  sent: SentRecorder;
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

/** How often a run looks at the broadcast's status between sends. */
const STATUS_EVERY_MS = 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends one chunk's pending recipients with a few parallel lanes. Each send: a slot from the shared
 * limiter, the row claimed (`pending` -> `sending`), the API call, the outcome recorded; a lane never
 * leaves a claimed row behind except by crashing. Stops taking recipients on cancel or shutdown; throws
 * an unexpected error only after every lane has settled its send in flight.
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
    const lanes = Math.max(1, Math.min(this.settings.lanes, this.waiting.length));
    await Promise.all(Array.from({ length: lanes }, () => this.lane()));
    if (this.error) throw this.error;
    return this.end ?? 'done';
  }

  private readonly stopped = (): boolean => {
    if (this.end === null && this.deps.stopping()) this.end = 'shutdown';
    return this.end !== null || this.error !== null;
  };

  private async lane(): Promise<void> {
    try {
      for (;;) {
        if (this.stopped() || (await this.cancelled())) return;
        const next = this.take();
        if (next === null) return;
        if (typeof next === 'number') {
          await sleep(Math.min(next, 500));
          continue;
        }
        await this.deliver(next);
      }
    } catch (error) {
      this.error ??= error;
    }
  }

  /** The next recipient ready to go, ms to wait when all are in backoff, null when none is left. */
  private take(): Recipient | number | null {
    if (this.waiting.length === 0) return null;
    const now = Date.now();
    const index = this.waiting.findIndex((w) => w.notBefore <= now);
    if (index === -1) return Math.min(...this.waiting.map((w) => w.notBefore)) - now;
    return this.waiting.splice(index, 1)[0].recipient;
  }

  private async cancelled(force = false): Promise<boolean> {
    if (!force && Date.now() - this.statusReadAt < STATUS_EVERY_MS) return false;
    this.statusReadAt = Date.now();
    const status = await this.deps.status();
    if (status !== 'sending') this.end ??= 'cancelled';
    return this.end !== null;
  }

  private async deliver(recipient: Recipient): Promise<void> {
    const { ledger, clock } = this.deps;
    const { userId, telegramId } = recipient;
    if (telegramId === null || recipient.userStatus === 'deleted') {
      if (await ledger.skip(this.broadcastId, userId, 'failed', 'USER_DELETED', clock.now()))
        this.tally.failed++;
      return;
    }
    if (recipient.userStatus === 'blocked') {
      if (await ledger.skip(this.broadcastId, userId, 'blocked', 'USER_BLOCKED', clock.now()))
        this.tally.blocked++;
      return;
    }
    if (!(await this.deps.limiter.acquire(this.settings.perSecond, this.stopped))) return;
    if (!(await ledger.claim(this.broadcastId, userId, clock.now()))) {
      await this.cancelled(true);
      return;
    }
    this.deps.metrics.broadcastSendsInFlight.inc();
    let outcome: SendOutcome;
    try {
      outcome = await this.deps.message.send(telegramId, this.content, this.settings.paid);
    } finally {
      this.deps.metrics.broadcastSendsInFlight.dec();
    }
    await this.record(recipient, telegramId, outcome);
  }

  private async record(recipient: Recipient, telegramId: number, outcome: SendOutcome): Promise<void> {
    const { ledger, clock, metrics } = this.deps;
    const { userId } = recipient;
    const now = clock.now();
    switch (outcome.kind) {
      case 'sent':
        await this.deps.sent.record(this.broadcastId, userId, outcome.messageId);
        this.tally.sent++;
        metrics.broadcastSends.inc({ outcome: 'sent' });
        return;
      case 'blocked':
        await ledger.markFinal(this.broadcastId, userId, 'blocked', outcome.errorCode, now);
        this.tally.blocked++;
        metrics.broadcastSends.inc({ outcome: 'blocked' });
        await this.markClientBlocked(telegramId);
        return;
      case 'rateLimited':
        // Every client bot sender waits first (notices too); the row goes back without using up an attempt.
        await this.deps.limiter.pause(outcome.retryAfterSeconds);
        await ledger.release(this.broadcastId, userId, outcome.errorCode, now, true);
        this.waiting.push({ recipient, notBefore: 0 });
        this.tally.rateLimited++;
        metrics.broadcastSends.inc({ outcome: 'rate_limited' });
        this.logger.warn(
          { broadcastId: this.broadcastId, retryAfter: outcome.retryAfterSeconds },
          'Telegram said 429: every client bot sender pauses',
        );
        return;
      case 'retry': {
        const attempts = recipient.attempts + 1;
        if (attempts >= this.settings.maxAttempts) {
          await ledger.markFinal(this.broadcastId, userId, 'failed', outcome.errorCode, now);
          this.tally.failed++;
          metrics.broadcastSends.inc({ outcome: 'failed' });
          return;
        }
        await ledger.release(this.broadcastId, userId, outcome.errorCode, now, false);
        this.waiting.push({
          recipient: { ...recipient, attempts },
          notBefore: Date.now() + retryDelayMs(attempts),
        });
        this.tally.retried++;
        metrics.broadcastSends.inc({ outcome: 'retry' });
        return;
      }
      case 'failed':
      case 'unknown':
        await ledger.markFinal(this.broadcastId, userId, outcome.kind, outcome.errorCode, now);
        this.tally[outcome.kind]++;
        metrics.broadcastSends.inc({ outcome: outcome.kind });
        return;
    }
  }

  /** The client blocked the bot: their status becomes `blocked` (the users module owns that change). */
  private async markClientBlocked(telegramId: number): Promise<void> {
    try {
      await this.deps.commands.execute(new MarkClientBlockedCommand(telegramId));
    } catch (error) {
      this.logger.warn({ err: error, telegramId }, 'Could not mark a client who blocked the bot');
    }
  }
}
