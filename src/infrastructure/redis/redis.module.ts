import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { RedisKeys } from './redis-keys';
import { redisOptionsFromUrl } from './redis-url';

/** One shared Redis connection for cache, sessions, tokens and locks (queues open their own, as BullMQ requires). */
@Global()
@Module({
  providers: [
    {
      provide: Redis,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new Redis({
          ...redisOptionsFromUrl(config.redisUrl),
          maxRetriesPerRequest: 3,
          connectionName: 'dvorik',
        }),
    },
    {
      provide: RedisKeys,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new RedisKeys(config.redisPrefix),
    },
  ],
  exports: [Redis, RedisKeys],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(Redis) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    // QUIT waits for pending replies; a client that is not connected would only keep reconnecting.
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }
}
