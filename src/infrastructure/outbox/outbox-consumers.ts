import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { ConsumesFacts, OUTBOX_CONSUMER, ConsumerMetadata } from './outbox-consumer';

/**
 * Every outbox consumer of the application, found at start-up in every role: the writer needs the consumers
 * of a fact type to write their delivery rows, the dispatcher needs the consumer of a row to run it. Two
 * consumers of one name refuse to start.
 */
@Injectable()
export class OutboxConsumers implements OnModuleInit {
  private readonly byName = new Map<string, ConsumesFacts>();
  private readonly byType = new Map<string, string[]>();
  private readonly delays = new Map<string, number>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders({ metadataKey: OUTBOX_CONSUMER.KEY })) {
      if (!wrapper.instance) continue;
      const { name, types, firstDelayMs } = this.discovery.getMetadataByDecorator(
        OUTBOX_CONSUMER,
        wrapper,
      ) as ConsumerMetadata;
      if (this.byName.has(name)) throw new Error(`Two outbox consumers are named "${name}"`);
      this.byName.set(name, wrapper.instance as ConsumesFacts);
      this.delays.set(name, firstDelayMs);
      for (const type of types) this.byType.set(type, [...(this.byType.get(type) ?? []), name]);
    }
  }

  /** The names of the consumers of a fact type (none: the fact is recorded for the audit and the feed). */
  of(type: string): readonly string[] {
    return this.byType.get(type) ?? [];
  }

  /** When a new fact's delivery to `name` is first due, the fact being recorded at `now`. */
  firstAttemptAt(name: string, now: Date): Date {
    const delay = this.delays.get(name) ?? 0;
    return delay > 0 ? new Date(now.getTime() + delay) : now;
  }

  /** The consumer of a delivery row; undefined for a name this version no longer has. */
  named(name: string): ConsumesFacts | undefined {
    return this.byName.get(name);
  }
}
