import { DiscoveryService } from '@nestjs/core';
import { DeliveredFact, factTypeOf } from './fact';

type FactClass = abstract new (...args: never[]) => object;

/** What the decorator records: the consumer's name and the fact types it consumes. */
export interface ConsumerMetadata {
  name: string;
  types: string[];
  /** How long after the fact its first attempt is due (0: at once). */
  firstDelayMs: number;
}

/** A consumer's name, or its name and options. */
export type ConsumerName = string | { name: string; firstDelayMs?: number };

const Consumer = DiscoveryService.createDecorator<ConsumerMetadata>();
export const OUTBOX_CONSUMER = Consumer;

/**
 * Marks a provider as an outbox consumer: `name` is its delivery rows' key (stable: rows already written
 * carry it), `facts` the fact classes it acts on. Its `handle` must be idempotent: a delivery whose result
 * was lost (a crash after the work, before the mark) runs again. `firstDelayMs`: the first attempt waits
 * that long (a durable fallback behind an in-process path that usually does the work first).
 */
export const OutboxConsumer = (named: ConsumerName, ...facts: FactClass[]) => {
  const { name, firstDelayMs = 0 } = typeof named === 'string' ? { name: named } : named;
  return Consumer({ name, types: facts.map((fact) => factTypeOf(fact)), firstDelayMs });
};

/** What a consumer implements. Throwing means "try again later" (with backoff, until the last attempt). */
export interface ConsumesFacts<F = unknown> {
  handle(delivered: DeliveredFact<F>): Promise<void>;
}
