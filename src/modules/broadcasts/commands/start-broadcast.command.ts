import { Logger } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, EventBus, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { Clock } from '../../../common/clock/clock';
import { DomainError } from '../../../common/errors/domain-error';
import { JobQueue } from '../../../infrastructure/queues/job-queue';
import { JobIds, JobName } from '../../../infrastructure/queues/jobs';
import { GetSettingQuery } from '../../settings/queries/get-setting.query';
import { DataSource } from 'typeorm';
import { Outbox } from '../../../infrastructure/outbox/outbox';
import { BroadcastEvent, BroadcastFinishedEvent } from '../events/broadcast.events';
import { BroadcastAudience } from '../persistence/broadcast-audience';
import { BroadcastRecords } from '../persistence/broadcast-records';
import { Broadcast } from '../persistence/broadcast.entity';
import { DeliveryLedger } from '../persistence/delivery-ledger';
import { SettleBroadcastCommand } from './settle-broadcast.command';

export interface StartResult {
  started: boolean;
  target: number;
  chunks: number;
}

/**
 * Starts a due broadcast (the start job): `scheduled` -> `sending` by a conditional UPDATE, its audience
 * resolved once into broadcast_deliveries in batches of `broadcast.chunk_size` (INSERT IGNORE ... SELECT,
 * resuming after the last user id on a retry), target_count set, one chunk job per range of rows with a
 * deterministic id. A broadcast that is no longer scheduled (cancelled, rescheduled, already started by
 * another run that finished resolving) is left alone.
 */
export class StartBroadcastCommand extends Command<StartResult> {
  constructor(readonly broadcastId: number) {
    super();
  }
}

@CommandHandler(StartBroadcastCommand)
export class StartBroadcastHandler implements ICommandHandler<StartBroadcastCommand, StartResult> {
  private readonly logger = new Logger(StartBroadcastHandler.name);

  constructor(
    private readonly records: BroadcastRecords,
    private readonly ledger: DeliveryLedger,
    private readonly audience: BroadcastAudience,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly events: EventBus,
    private readonly outbox: Outbox,
    private readonly dataSource: DataSource,
  ) {}

  async execute({ broadcastId }: StartBroadcastCommand): Promise<StartResult> {
    const idle = { started: false, target: 0, chunks: 0 };
    const broadcast = await this.records.find(broadcastId);
    if (!broadcast) return idle;
    const now = this.clock.now();
    if (broadcast.status === 'sending') {
      // A retry after a crash mid-start: resolving resumes; a finished resolution is not redone.
      if (broadcast.targetCount > 0) return this.enqueueChunks(broadcast, broadcast.targetCount);
    } else {
      // The start and its fact (audit row) commit together.
      const started = new BroadcastEvent('broadcast.started', broadcastId);
      const moved = await this.dataSource.transaction(async (manager) => {
        if (!(await this.records.startIfDue(broadcastId, now, manager))) return false;
        await this.outbox.record(manager, started);
        return true;
      });
      if (!moved) return idle;
      this.events.publish(started);
    }
    let target: number;
    try {
      target = await this.resolve(broadcast);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // The segment no longer resolves (SEGMENT_FILTER_INVALID): nobody can be reached.
      this.logger.error({ err: error, broadcastId }, 'Broadcast audience could not be resolved');
      const fact = new BroadcastFinishedEvent(broadcastId, { status: 'failed', error: error.code });
      const failed = await this.dataSource.transaction(async (manager) => {
        const moved = await this.records.transition(
          broadcastId,
          ['sending'],
          { status: 'failed', finishedAt: now },
          manager,
        );
        if (moved) await this.outbox.record(manager, fact);
        return moved;
      });
      if (failed) this.events.publish(fact);
      return idle;
    }
    return this.enqueueChunks(broadcast, target);
  }

  /** Pages the audience into pending rows by ascending user id; answers how many rows the broadcast has. */
  private async resolve(broadcast: Broadcast): Promise<number> {
    const batch = await this.queries.execute(new GetSettingQuery('broadcast.chunk_size'));
    const page = await this.audience.pages(broadcast);
    let after = await this.ledger.lastUserId(broadcast.id);
    for (;;) {
      const [sql, params] = page(after, batch);
      const added = await this.ledger.addRecipients(broadcast.id, sql, params);
      if (added < batch) break;
      after = await this.ledger.lastUserId(broadcast.id);
    }
    const target = await this.ledger.total(broadcast.id);
    await this.records.transition(broadcast.id, ['sending', 'cancelled'], { targetCount: target });
    return target;
  }

  private async enqueueChunks(broadcast: Broadcast, target: number): Promise<StartResult> {
    const size = await this.queries.execute(new GetSettingQuery('broadcast.chunk_size'));
    const ranges = await this.ledger.ranges(broadcast.id, size);
    for (const range of ranges) {
      await this.jobs.enqueue(
        JobName.SendBroadcastChunk,
        { broadcastId: broadcast.id, ...range },
        { jobId: JobIds.broadcastChunk(broadcast.id, range.fromUserId) },
      );
    }
    // Nobody to send to: the broadcast is finished at once.
    if (ranges.length === 0) await this.commands.execute(new SettleBroadcastCommand(broadcast.id, true));
    this.logger.log({ broadcastId: broadcast.id, target, chunks: ranges.length }, 'Broadcast started');
    return { started: true, target, chunks: ranges.length };
  }
}
