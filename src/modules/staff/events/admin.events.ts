import { Actor, AuditableEvent, AuditEntry } from '../../../common/audit/audit-entry';
import { Fact } from '../../../infrastructure/outbox/fact';

/**
 * An admin account was created, changed, given a new password or deleted (passwords are never logged). An
 * outbox fact: audited in the change's transaction.
 */
@Fact('admin.changed')
export class AdminChangedEvent extends AuditableEvent {
  constructor(
    readonly action: 'admin.created' | 'admin.updated' | 'admin.password_reset' | 'admin.deleted',
    readonly adminId: number,
    readonly actor: Actor,
    readonly changes: Record<string, unknown> | null = null,
  ) {
    super();
  }

  toAuditEntry(): AuditEntry {
    return {
      actor: this.actor,
      action: this.action,
      entityType: 'admin',
      entityId: this.adminId,
      changes: this.changes,
    };
  }
}
