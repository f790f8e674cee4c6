import { Actor, AuditableEvent, AuditEntry, SYSTEM_ACTOR } from '../../../common/audit/audit-entry';
import { Fact } from '../../../infrastructure/outbox/fact';

export type BroadcastAction =
  | 'broadcast.created'
  | 'broadcast.updated'
  | 'broadcast.scheduled'
  | 'broadcast.started'
  | 'broadcast.cancelled'
  | 'broadcast.finished'
  | 'broadcast.test_sent';

/**
 * Something happened to a broadcast: an admin created, changed, scheduled, cancelled or test-sent it, or
 * the pipeline started or finished it (actor: system). `changes` never holds client data. An outbox fact
 * (audit only) where it is recorded: created, updated, scheduled, cancelled, started; the others still go through
 * the AuditRecorder.
 */
@Fact('broadcast.changed')
export class BroadcastEvent extends AuditableEvent {
  constructor(
    readonly action: BroadcastAction,
    readonly broadcastId: number,
    readonly actor: Actor = SYSTEM_ACTOR,
    readonly changes: Record<string, unknown> | null = null,
  ) {
    super();
  }

  toAuditEntry(): AuditEntry {
    return {
      actor: this.actor,
      action: this.action,
      entityType: 'broadcast',
      entityId: this.broadcastId,
      changes: this.changes,
    };
  }
}

/**
 * A broadcast reached its final status (sent, partially sent, failed), with its counts. An outbox fact:
 * audited in the transaction that settles it (a future integrator's webhook will hear it from there).
 */
@Fact('broadcast.finished')
export class BroadcastFinishedEvent extends BroadcastEvent {
  constructor(broadcastId: number, changes: Record<string, unknown>) {
    super('broadcast.finished', broadcastId, SYSTEM_ACTOR, changes);
  }
}
