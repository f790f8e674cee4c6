import { Logger } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { Clock } from '../../../common/clock/clock';
import { Metrics } from '../../../infrastructure/metrics/metrics';
import { JobName, JobPayloads } from '../../../infrastructure/queues/jobs';
import {
  ClientBotSendLimiter,
  clientBotSendRate,
} from '../../../infrastructure/telegram/client-bot-send-limiter';
import { GetSettingQuery } from '../../settings/queries/get-setting.query';
import { BroadcastRecords } from '../persistence/broadcast-records';
import { DeliveryLedger } from '../persistence/delivery-ledger';
import { BroadcastMessage } from '../sending/broadcast-message';
import { ChunkEnd, ChunkRun, ChunkTally, SendingSettings } from '../sending/chunk-run';
import { SendingLifecycle } from '../sending/sending-lifecycle';
import { SettleBroadcastCommand } from './settle-broadcast.command';

export type ChunkPayload = JobPayloads[JobName.SendBroadcastChunk];

export interface ChunkResult extends ChunkTally {
  end: ChunkEnd | 'not-sending';
  /** Rows a previous run of this chunk left `sending` (it crashed): now `unknown`, never re-sent. */
  interrupted: number;
}

/**
 * Recipients per batch at most: a batch is a tenth of a second's sends at the configured rate (1 at a few a
 * second, 100 at paid broadcasts' 1000/s); a worker runs 4 chunk jobs of 2 batches in flight each
 * (BATCHES_IN_FLIGHT), so it has at most 800 sends in flight.
 */
export const MAX_BATCH = 100;

/** A tenth of a second's sends at `perSecond`, at least 1, at most MAX_BATCH. */
export function batchSizeFor(perSecond: number): number {
  return Math.min(MAX_BATCH, Math.max(1, Math.ceil(perSecond / 10)));
}

/**
 * Sends the pending recipients of one range (the chunk job). `rerun`: this job ran before and died (a
 * crashed or stalled worker): its rows still `sending` are settled as `unknown` first, since their message
 * may have gone out. Ends early on cancel or shutdown; settles the broadcast afterwards.
 */
export class SendBroadcastChunkCommand extends Command<ChunkResult> {
  constructor(
    readonly chunk: ChunkPayload,
    readonly rerun: boolean,
  ) {
    super();
  }
}

@CommandHandler(SendBroadcastChunkCommand)
export class SendBroadcastChunkHandler implements ICommandHandler<SendBroadcastChunkCommand, ChunkResult> {
  private readonly logger = new Logger(SendBroadcastChunkHandler.name);

  constructor(
    private readonly records: BroadcastRecords,
    private readonly ledger: DeliveryLedger,
    private readonly limiter: ClientBotSendLimiter,
    private readonly message: BroadcastMessage,
    private readonly lifecycle: SendingLifecycle,
    private readonly clock: Clock,
    private readonly metrics: Metrics,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  async execute({ chunk, rerun }: SendBroadcastChunkCommand): Promise<ChunkResult> {
    const { broadcastId, fromUserId, toUserId } = chunk;
    const tally: ChunkTally = { sent: 0, blocked: 0, failed: 0, unknown: 0, retried: 0, rateLimited: 0 };
    const interrupted = rerun
      ? await this.ledger.orphansToUnknown(broadcastId, fromUserId, toUserId, this.clock.now())
      : 0;
    if (interrupted > 0) {
      this.logger.warn(
        { broadcastId, fromUserId, toUserId, interrupted },
        'Interrupted sends marked unknown',
      );
    }
    const broadcast = await this.records.find(broadcastId);
    if (!broadcast || broadcast.status !== 'sending') {
      if (broadcast) await this.commands.execute(new SettleBroadcastCommand(broadcastId));
      return { end: 'not-sending', interrupted, ...tally };
    }
    const recipients = await this.ledger.pendingIn(broadcastId, fromUserId, toUserId);
    const run = new ChunkRun(
      {
        ledger: this.ledger,
        limiter: this.limiter,
        message: this.message,
        clock: this.clock,
        commands: this.commands,
        metrics: this.metrics,
        stopping: () => this.lifecycle.stopping,
        status: () => this.records.statusOf(broadcastId),
      },
      broadcastId,
      broadcast,
      recipients,
      await this.settings(),
    );
    const end = await this.lifecycle.track(() => run.run());
    if (end !== 'shutdown') await this.commands.execute(new SettleBroadcastCommand(broadcastId));
    return { end, interrupted, ...run.tally };
  }

  private async settings(): Promise<SendingSettings> {
    const [rate, paid, maxAttempts] = await Promise.all([
      this.queries.execute(new GetSettingQuery('broadcast.rate_per_second')),
      this.queries.execute(new GetSettingQuery('broadcast.paid')),
      this.queries.execute(new GetSettingQuery('broadcast.max_attempts')),
    ]);
    const perSecond = clientBotSendRate(rate, paid);
    return {
      perSecond,
      paid,
      maxAttempts,
      batchSize: batchSizeFor(perSecond),
    };
  }
}
