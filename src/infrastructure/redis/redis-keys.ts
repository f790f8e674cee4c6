/** Namespaces of Redis keys; each feature writes under its own, all under the deployment's REDIS_PREFIX. */
export type RedisNamespace =
  'cache' | 'session' | 'auth' | 'lock' | 'limit' | 'dedup' | 'conversation' | 'alert';

/** Builds every Redis key the app writes, so prefixes live in one place (queues use `${prefix}:bull`). */
export class RedisKeys {
  constructor(readonly prefix: string) {}

  key(namespace: RedisNamespace, ...parts: Array<string | number>): string {
    return [this.prefix, namespace, ...parts].join(':');
  }

  get queuePrefix(): string {
    return `${this.prefix}:bull`;
  }
}
