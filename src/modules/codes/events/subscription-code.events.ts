import { AuditableEvent, AuditEntry, SYSTEM_ACTOR } from '../../../common/audit/audit-entry';
import { Fact } from '../../../infrastructure/outbox/fact';

/**
 * A client's unused subscription gift was suspended (they left the channel) or restored (they came back).
 * Audited against the client, so "why does my code not work" has an answer in the audit log. An outbox
 * fact: audited with the change.
 */
@Fact('discount.subscription-followed')
export class SubscriptionCodeFollowedEvent extends AuditableEvent {
  constructor(
    readonly userId: number,
    readonly change: 'suspended' | 'restored',
    readonly codes: number,
  ) {
    super();
  }

  toAuditEntry(): AuditEntry {
    return {
      actor: SYSTEM_ACTOR,
      action: `discount.${this.change}`,
      entityType: 'user',
      entityId: this.userId,
      changes: { reason: 'subscription', codes: this.codes },
    };
  }
}
