import type { EntityManager } from 'typeorm';
import { JsonPatch, jsonValue, Statement } from '../database/statement-batches';
import type { RequestContextData } from '../../common/context/request-context';
import { AuditEntry } from '../../common/audit/audit-entry';
import { redactSecrets } from '../../common/audit/redact-secrets';

const INSERT_AUDIT_ROW = `
  INSERT INTO audit_logs (actor_type, actor_id, action, entity_type, entity_id, changes, ip, request_id, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** The values of one audit_logs row, in INSERT_AUDIT_ROW's order (secrets redacted). */
export function auditRowValues(
  entry: AuditEntry,
  context: RequestContextData | undefined,
  at: Date,
): unknown[] {
  return [
    entry.actor.type,
    entry.actor.id === null ? null : String(entry.actor.id),
    entry.action,
    entry.entityType,
    entry.entityId === null ? null : String(entry.entityId),
    entry.changes ? JSON.stringify(redactSecrets(entry.changes)) : null,
    context?.ip ?? null,
    context?.requestId ?? null,
    at,
  ];
}

/**
 * Writes one audit_logs row through `manager` (inside the caller's transaction when it has one): the one
 * writer of audit rows, for the outbox (a fact audited with its change) and the audit module's recorder.
 */
export async function insertAuditRow(
  manager: Pick<EntityManager, 'query'>,
  entry: AuditEntry,
  context: RequestContextData | undefined,
  at: Date,
): Promise<void> {
  await manager.query(INSERT_AUDIT_ROW, auditRowValues(entry, context, at));
}

/**
 * The audit row as one statement of a batch, written only when `guard` holds (e.g. `@spent = 1`: the
 * batch's UPDATE matched), its changes patched with what the batch learnt (the new row's id).
 */
export function guardedAuditInsert(
  entry: AuditEntry,
  context: RequestContextData | undefined,
  at: Date,
  guard: string,
  patch?: JsonPatch,
): Statement {
  const values = auditRowValues(entry, context, at);
  const changes = values[5] === null ? 'NULL' : jsonValue(patch);
  if (values[5] === null) values.splice(5, 1);
  return {
    sql:
      'INSERT INTO audit_logs (actor_type, actor_id, action, entity_type, entity_id, changes, ip, request_id, created_at) ' +
      `SELECT ?, ?, ?, ?, ?, ${changes}, ?, ?, ? FROM DUAL WHERE ${guard}`,
    values,
  };
}
