import { Command, CommandHandler, EventBus, ICommandHandler } from '@nestjs/cqrs';
import { Outbox } from '../../../infrastructure/outbox/outbox';
import { Actor } from '../../../common/audit/audit-entry';
import { Clock } from '../../../common/clock/clock';
import { CANCELLABLE } from '../domain/broadcast-lifecycle';
import { BroadcastEvent } from '../events/broadcast.events';
import { BroadcastRecords } from '../persistence/broadcast-records';
import { DeliveryLedger } from '../persistence/delivery-ledger';

/**
 * Stops a scheduled or sending broadcast. From the moment the status changes no recipient can be claimed
 * (claims require `sending`), so the pending rows stay pending and are never sent; messages already
 * delivered stay delivered, and the few in flight finish and are recorded.
 */
export class CancelBroadcastCommand extends Command<void> {
  constructor(
    readonly id: number,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(CancelBroadcastCommand)
export class CancelBroadcastHandler implements ICommandHandler<CancelBroadcastCommand, void> {
  constructor(
    private readonly records: BroadcastRecords,
    private readonly ledger: DeliveryLedger,
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly outbox: Outbox,
  ) {}

  async execute({ id, actor }: CancelBroadcastCommand): Promise<void> {
    const broadcast = await this.records.get(id);
    BroadcastRecords.assertStatus(broadcast, CANCELLABLE, 'cancelled');
    const now = this.clock.now();
    const { counts, cancelled } = await this.records.inTransaction(async (manager) => {
      if (
        !(await this.records.transition(id, CANCELLABLE, { status: 'cancelled', cancelledAt: now }, manager))
      ) {
        BroadcastRecords.assertStatus(await this.records.get(id), CANCELLABLE, 'cancelled');
      }
      // Read on another connection: the deliveries, not the broadcast's row this transaction holds.
      const counted = await this.ledger.counts(id);
      const fact = new BroadcastEvent('broadcast.cancelled', id, actor, {
        before: { status: broadcast.status },
        after: { status: 'cancelled' },
        notSent: counted.pending,
        sent: counted.sent,
      });
      await this.outbox.record(manager, fact);
      return { counts: counted, cancelled: fact };
    });
    await this.records.saveCounters(id, counts);
    this.events.publish(cancelled);
  }
}
