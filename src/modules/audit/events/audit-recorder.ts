import { BeforeApplicationShutdown, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { filter, Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { AuditableEvent } from '../../../common/audit/audit-entry';
import { insertAuditRow } from '../../../infrastructure/audit/audit-row';
import { Clock } from '../../../common/clock/clock';
import { RequestContext, RequestContextData } from '../../../common/context/request-context';
import { isRecordedFact } from '../../../infrastructure/outbox/outbox';

/**
 * Writes one audit_logs row for every AuditableEvent published on the EventBus that is not an outbox fact,
 * with the request id and IP of the request, bot update or job that caused it. A fact recorded through the
 * outbox (Outbox.record) already has its row, written in the transaction of its change: it is skipped here,
 * so each event has one path. Secrets are redacted; a failed write is logged; writes still in flight are
 * awaited before the database connection closes at shutdown.
 */
@Injectable()
export class AuditRecorder implements OnModuleInit, OnModuleDestroy, BeforeApplicationShutdown {
  private readonly logger = new Logger(AuditRecorder.name);
  private subscription?: Subscription;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly events: EventBus,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.subscription = this.events
      .pipe(
        filter((event): event is AuditableEvent => event instanceof AuditableEvent && !isRecordedFact(event)),
      )
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
    try {
      await insertAuditRow(this.dataSource, entry, context, at);
    } catch (error) {
      this.logger.error({ err: error, action: entry.action }, 'Could not write an audit log entry');
    }
  }
}
