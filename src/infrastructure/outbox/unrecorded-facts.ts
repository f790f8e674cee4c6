import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { Subscription } from 'rxjs';
import { factTypeOrNull } from './fact';
import { isRecordedFact } from './outbox';
import { OutboxConsumers } from './outbox-consumers';

/**
 * A programming error made loud: a fact whose type has outbox consumers, published on the EventBus without
 * having been recorded (Outbox.record in its change's transaction), would have its side effects silently
 * skipped. Logged as an error with the fact's type, so a test or the logs catch it.
 */
@Injectable()
export class UnrecordedFacts implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(UnrecordedFacts.name);
  private subscription?: Subscription;

  constructor(
    private readonly events: EventBus,
    private readonly consumers: OutboxConsumers,
  ) {}

  onModuleInit(): void {
    this.subscription = this.events.subscribe((event) => {
      if (typeof event !== 'object' || event === null || isRecordedFact(event)) return;
      const type = factTypeOrNull(event.constructor as never);
      if (type && this.consumers.of(type).length > 0) {
        this.logger.error(
          { type, consumers: this.consumers.of(type) },
          'A fact was published without being recorded in the outbox: its consumers will not run',
        );
      }
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }
}
