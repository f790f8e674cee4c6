/** Who did something: an admin, a cashier, a client, the POS till or the system itself. */
export interface Actor {
  type: 'admin' | 'cashier' | 'client' | 'pos' | 'system';
  id: string | number | null;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null };

/** One line of the audit log, as an event describes it. */
export interface AuditEntry {
  actor: Actor;
  action: string;
  entityType: string | null;
  entityId: string | number | null;
  changes?: Record<string, unknown> | null;
}

/**
 * A domain event the audit log records. Modules publish subclasses through the EventBus; the audit module
 * writes them, adding the request id and IP of the request or update that caused them.
 */
export abstract class AuditableEvent {
  abstract toAuditEntry(): AuditEntry;
}
