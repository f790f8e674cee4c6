import { BeforeApplicationShutdown, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { filter, Subscription } from 'rxjs';
import { Repository } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditableEvent } from '../../../common/audit/audit-entry';
import { redactSecrets } from '../../../common/audit/redact-secrets';
import { Clock } from '../../../common/clock/clock';
import { RequestContext, RequestContextData } from '../../../common/context/request-context';
import { AuditLog } from '../persistence/audit-log.entity';

/**
 * Writes one audit_logs row for every AuditableEvent published on the EventBus, with the request id and IP
 * of the request, bot update or job that caused it. Secrets are redacted; a failed write is logged; writes
 * still in flight are awaited before the database connection closes at shutdown.
 */
@Injectable()
export class AuditRecorder implements OnModuleInit, OnModuleDestroy, BeforeApplicationShutdown {
  private readonly logger = new Logger(AuditRecorder.name);
  private subscription?: Subscription;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly events: EventBus,
    @InjectRepository(AuditLog) private readonly auditLogs: Repository<AuditLog>,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.subscription = this.events
      .pipe(filter((event): event is AuditableEvent => event instanceof AuditableEvent))
      .subscribe((event) => {
        // Read the context and the time as the event is published (synchronously), so they are the publisher's.
        const context = RequestContext.current();
        const at = this.clock.now();
        this.pending = this.pending.then(() => this.record(event, context, at));
      });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.pending;
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  private async record(
    event: AuditableEvent,
    context: RequestContextData | undefined,
    at: Date,
  ): Promise<void> {
    const entry = event.toAuditEntry();
    const row: QueryDeepPartialEntity<AuditLog> = {
      actorType: entry.actor.type,
      actorId: entry.actor.id === null ? null : String(entry.actor.id),
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId === null ? null : String(entry.entityId),
      // TypeORM's partial-entity type cannot express a JSON object column, hence the cast.
      changes: (entry.changes ? redactSecrets(entry.changes) : null) as never,
      ip: context?.ip ?? null,
      requestId: context?.requestId ?? null,
      createdAt: at,
    };
    try {
      await this.auditLogs.insert(row);
    } catch (error) {
      this.logger.error({ err: error, action: entry.action }, 'Could not write an audit log entry');
    }
  }
}
