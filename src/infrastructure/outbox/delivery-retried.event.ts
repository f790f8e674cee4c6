import { Actor, AuditableEvent, AuditEntry } from '../../common/audit/audit-entry';
import { Fact } from './fact';

/** An owner sent a failed outbox delivery back to pending (as `job.retried` for a job). Audited with it. */
@Fact('outbox.delivery-retried')
export class OutboxDeliveryRetriedEvent extends AuditableEvent {
  constructor(
    readonly eventId: string,
    readonly consumer: string,
    readonly actor: Actor,
  ) {
    super();
  }

  toAuditEntry(): AuditEntry {
    return {
      actor: this.actor,
      action: 'outbox.delivery_retried',
      entityType: 'outbox_delivery',
      entityId: `${this.eventId}/${this.consumer}`,
      changes: { eventId: this.eventId, consumer: this.consumer },
    };
  }
}
