import { Actor, AuditableEvent, AuditEntry } from '../../../common/audit/audit-entry';
import { Fact } from '../../../infrastructure/outbox/fact';

/** A saved segment was created, changed or deleted by an admin. An outbox fact: audited with the change. */
@Fact('segment.changed')
export class SegmentChangedEvent extends AuditableEvent {
  constructor(
    readonly action: 'segment.created' | 'segment.updated' | 'segment.deleted',
    readonly segmentId: number,
    readonly actor: Actor,
    readonly changes: Record<string, unknown> | null = null,
  ) {
    super();
  }

  toAuditEntry(): AuditEntry {
    return {
      actor: this.actor,
      action: this.action,
      entityType: 'segment',
      entityId: this.segmentId,
      changes: this.changes,
    };
  }
}
