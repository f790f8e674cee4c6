import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { concatMap, filter, map, Subscription } from 'rxjs';
import { Repository } from 'typeorm';
import { AuditableEvent } from '../../../common/audit/audit-entry';
import { redactSecrets } from '../../../common/audit/redact-secrets';
import { Clock } from '../../../common/clock/clock';
import { RequestContext, RequestContextData } from '../../../common/context/request-context';
import { AuditLog } from '../persistence/audit-log.entity';

/**
 * Writes one audit_logs row for every AuditableEvent published on the EventBus, with the request id and IP
 * of the request, bot update or job that caused it. Secrets are redacted; a failed write is logged.
 */
@Injectable()
export class AuditRecorder implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AuditRecorder.name);
  private subscription?: Subscription;

  constructor(
    private readonly events: EventBus,
    @InjectRepository(AuditLog) private readonly auditLogs: Repository<AuditLog>,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.subscription = this.events
      .pipe(
        filter((event): event is AuditableEvent => event instanceof AuditableEvent),
        // Read the context as the event is published (synchronously), so it is the publisher's.
        map((event) => ({ event, context: RequestContext.current() })),
        concatMap(({ event, context }) => this.record(event, context)),
      )
      .subscribe();
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  private async record(event: AuditableEvent, context: RequestContextData | undefined): Promise<void> {
    const entry = event.toAuditEntry();
    try {
      await this.auditLogs.save(
        Object.assign(new AuditLog(), {
          actorType: entry.actor.type,
          actorId: entry.actor.id === null ? null : String(entry.actor.id),
          action: entry.action,
          entityType: entry.entityType,
          entityId: entry.entityId === null ? null : String(entry.entityId),
          changes: entry.changes ? (redactSecrets(entry.changes) as Record<string, unknown>) : null,
          ip: context?.ip ?? null,
          requestId: context?.requestId ?? null,
          createdAt: this.clock.now(),
        }),
      );
    } catch (error) {
      this.logger.error({ err: error, action: entry.action }, 'Could not write an audit log entry');
    }
  }
}
