import { Actor, AuditableEvent, AuditEntry } from '../../../common/audit/audit-entry';
import { Fact } from '../../../infrastructure/outbox/fact';

/** An admin changed a message text. An outbox fact: audited in its change's transaction. */
@Fact('message-template.changed')
export class MessageTemplateChangedEvent extends AuditableEvent {
  constructor(
    readonly key: string,
    readonly before: string,
    readonly after: string,
    readonly actor: Actor,
  ) {
    super();
  }

  toAuditEntry(): AuditEntry {
    return {
      actor: this.actor,
      action: 'message_template.changed',
      entityType: 'message_template',
      entityId: this.key,
      changes: { before: this.before, after: this.after },
    };
  }
}
