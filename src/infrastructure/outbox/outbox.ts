import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditableEvent } from '../../common/audit/audit-entry';
import { insertAuditRow } from '../../common/audit/audit-row';
import { Clock } from '../../common/clock/clock';
import { RequestContext } from '../../common/context/request-context';
import { factTypeOf } from './fact';
import { OutboxConsumers } from './outbox-consumers';

const INSERT_EVENT = `
  INSERT INTO outbox_events (event_id, type, payload, request_id, ip, created_at) VALUES (?, ?, ?, ?, ?, ?)`;

/** Facts recorded by this process, so that publishing them after the commit nudges the dispatcher. */
const recorded = new WeakSet<object>();

/** Whether `fact` went through Outbox.record (its audit row, if any, is already written). */
export const isRecordedFact = (fact: object): boolean => recorded.has(fact);

/**
 * The writer of the outbox. `record` runs inside the caller's transaction (its `manager`): the fact's
 * outbox_events row, one outbox_deliveries row per consumer of its type, and, for an AuditableEvent, its
 * audit_logs row, so the change, its audit and its side effects commit or roll back together. After the
 * commit the caller publishes the same event on the EventBus as before (metrics, in-process readers); that
 * publish is also what wakes the dispatcher at once.
 */
@Injectable()
export class Outbox {
  constructor(
    private readonly consumers: OutboxConsumers,
    private readonly clock: Clock,
  ) {}

  /** Records facts in the caller's transaction; answers their event ids (in order). */
  async record(manager: Pick<EntityManager, 'query'>, ...facts: object[]): Promise<string[]> {
    const context = RequestContext.current();
    const now = this.clock.now();
    const ids: string[] = [];
    for (const fact of facts) {
      const statements = this.statements(fact, now);
      for (const { sql, values } of statements) await manager.query(sql, values);
      if (fact instanceof AuditableEvent) await insertAuditRow(manager, fact.toAuditEntry(), context, now);
      recorded.add(fact);
      ids.push(statements[0].values[0] as string);
    }
    return ids;
  }

  /**
   * The SQL that records `fact` (without its audit row): the event, then its deliveries when it has
   * consumers. Public for a hot path that sends them in one round trip with its own statements.
   */
  statements(fact: object, now: Date): Array<{ sql: string; values: unknown[] }> {
    const type = factTypeOf(fact.constructor as never);
    const eventId = randomUUID();
    const context = RequestContext.current();
    const out = [
      {
        sql: INSERT_EVENT,
        values: [
          eventId,
          type,
          JSON.stringify(fact),
          context?.requestId ?? null,
          context?.ip ?? null,
          now,
        ] as unknown[],
      },
    ];
    const consumers = this.consumers.of(type);
    if (consumers.length > 0) {
      out.push({
        sql:
          'INSERT INTO outbox_deliveries (event_id, consumer, next_attempt_at) VALUES ' +
          consumers.map(() => '(?, ?, ?)').join(', '),
        values: consumers.flatMap((consumer) => [eventId, consumer, now]),
      });
    }
    return out;
  }

  /** Marks a fact written by `statements` as recorded (its publish nudges the dispatcher). */
  markRecorded(fact: object): void {
    recorded.add(fact);
  }
}
