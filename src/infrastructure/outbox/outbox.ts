import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditableEvent } from '../../common/audit/audit-entry';
import { guardedAuditInsert, insertAuditRow } from '../audit/audit-row';
import { JsonPatch, jsonValue, Statement } from '../database/statement-batches';
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
      const type = factTypeOf(fact.constructor as never);
      const eventId = randomUUID();
      await manager.query(INSERT_EVENT, [
        eventId,
        type,
        JSON.stringify(fact),
        context?.requestId ?? null,
        context?.ip ?? null,
        now,
      ]);
      const consumers = this.consumers.of(type);
      if (consumers.length > 0) {
        await manager.query(
          'INSERT INTO outbox_deliveries (event_id, consumer, next_attempt_at) VALUES ' +
            consumers.map(() => '(?, ?, ?)').join(', '),
          consumers.flatMap((consumer) => [eventId, consumer, this.consumers.firstAttemptAt(consumer, now)]),
        );
      }
      if (fact instanceof AuditableEvent) await insertAuditRow(manager, fact.toAuditEntry(), context, now);
      recorded.add(fact);
      ids.push(eventId);
    }
    return ids;
  }

  /**
   * The statements that record `fact`, for a hot path that sends them in its own batch (one round trip):
   * the event, its deliveries and its audit row, each written only when `guard` holds (e.g. `@spent = 1`),
   * the payload and the audit changes patched with what the batch learnt. Call `markRecorded` once the
   * batch committed.
   */
  guardedStatements(
    fact: object,
    now: Date,
    guard: string,
    patches: { payload?: JsonPatch; audit?: JsonPatch } = {},
  ): Statement[] {
    const context = RequestContext.current();
    const type = factTypeOf(fact.constructor as never);
    const eventId = randomUUID();
    const statements: Statement[] = [
      {
        sql:
          'INSERT INTO outbox_events (event_id, type, payload, request_id, ip, created_at) ' +
          `SELECT ?, ?, ${jsonValue(patches.payload)}, ?, ?, ? FROM DUAL WHERE ${guard}`,
        values: [eventId, type, JSON.stringify(fact), context?.requestId ?? null, context?.ip ?? null, now],
      },
    ];
    const consumers = this.consumers.of(type);
    if (consumers.length > 0) {
      statements.push({
        sql:
          'INSERT INTO outbox_deliveries (event_id, consumer, next_attempt_at) ' +
          consumers.map(() => `SELECT ?, ?, ? FROM DUAL WHERE ${guard}`).join(' UNION ALL '),
        values: consumers.flatMap((consumer) => [
          eventId,
          consumer,
          this.consumers.firstAttemptAt(consumer, now),
        ]),
      });
    }
    if (fact instanceof AuditableEvent) {
      statements.push(guardedAuditInsert(fact.toAuditEntry(), context, now, guard, patches.audit));
    }
    return statements;
  }

  /** Marks a fact written by `guardedStatements` as recorded, once its batch committed. */
  markRecorded(fact: object): void {
    recorded.add(fact);
  }
}
