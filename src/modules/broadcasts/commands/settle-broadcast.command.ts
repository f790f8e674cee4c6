import { Command, CommandHandler, EventBus, ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { Outbox } from '../../../infrastructure/outbox/outbox';
import { Clock } from '../../../common/clock/clock';
import { DeliveryCounts, finalStatus, isSettled, totalOf } from '../domain/broadcast-lifecycle';
import { BroadcastFinishedEvent } from '../events/broadcast.events';
import { BroadcastRecords } from '../persistence/broadcast-records';
import { DeliveryLedger } from '../persistence/delivery-ledger';

/**
 * Derives a broadcast's counters from its delivery rows and, when a sending broadcast has nothing left
 * pending or in flight, ends it: `sent` (someone got it) or `failed` (nobody did), once, by a conditional
 * UPDATE, however many chunk jobs finish together. Called after every chunk and by the minute sweep.
 * A broadcast is only ended once its audience is resolved (target_count set): while the start job is
 * still adding rows, "nothing pending" means nothing yet. `emptyAudience`: the start job found nobody.
 */
export class SettleBroadcastCommand extends Command<{ counts: DeliveryCounts; finished: boolean }> {
  constructor(
    readonly broadcastId: number,
    readonly emptyAudience = false,
  ) {
    super();
  }
}

@CommandHandler(SettleBroadcastCommand)
export class SettleBroadcastHandler implements ICommandHandler<
  SettleBroadcastCommand,
  { counts: DeliveryCounts; finished: boolean }
> {
  constructor(
    private readonly records: BroadcastRecords,
    private readonly ledger: DeliveryLedger,
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly outbox: Outbox,
    private readonly dataSource: DataSource,
  ) {}

  async execute({ broadcastId, emptyAudience }: SettleBroadcastCommand) {
    const broadcast = await this.records.find(broadcastId);
    const counts = await this.ledger.counts(broadcastId);
    if (!broadcast) return { counts, finished: false };
    await this.records.saveCounters(broadcastId, counts);
    const resolved = broadcast.targetCount > 0 || (emptyAudience && totalOf(counts) === 0);
    if (broadcast.status !== 'sending' || !resolved || !isSettled(counts)) return { counts, finished: false };
    const status = finalStatus(counts);
    const fact = new BroadcastFinishedEvent(broadcastId, { status, ...counts });
    const finished = await this.dataSource.transaction(async (manager) => {
      const moved = await this.records.transition(
        broadcastId,
        ['sending'],
        { status, finishedAt: this.clock.now() },
        manager,
      );
      if (moved) await this.outbox.record(manager, fact);
      return moved;
    });
    if (finished) this.events.publish(fact);
    return { counts, finished };
  }
}
