import { Actor, AuditableEvent, AuditEntry } from '../../../common/audit/audit-entry';
import { Fact } from '../../../infrastructure/outbox/fact';

/** A discount template was created, changed or deleted. An outbox fact: audited in its change's transaction. */
@Fact('discount-template.changed')
export class DiscountTemplateChangedEvent extends AuditableEvent {
  constructor(
    readonly action: 'discount_template.created' | 'discount_template.updated' | 'discount_template.deleted',
    readonly templateId: number,
    readonly actor: Actor,
    readonly changes: Record<string, unknown>,
  ) {
    super();
  }

  toAuditEntry(): AuditEntry {
    return {
      actor: this.actor,
      action: this.action,
      entityType: 'discount_template',
      entityId: this.templateId,
      changes: this.changes,
    };
  }
}
