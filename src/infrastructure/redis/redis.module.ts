import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { RedisKeys } from './redis-keys';
import { redisOptionsFromUrl } from './redis-url';

/** How long start-up waits for Redis before going on (requests answer 503 until it is there). */
const READY_WAIT_MS = 5_000;

/**
 * Fail fast, never queue: while Redis is unreachable a command is refused at once (no offline queue), one
 * that was sent gets no retry on another connection and gives up after a second, so a request needing
 * Redis answers 503 within a second instead of waiting through ioredis's retries. The client keeps
 * reconnecting in the background (every 50 ms more, at most every 2 s), so the app recovers by itself.
 */
export function fastFailingRedis(config: AppConfig): Redis {
  return new Redis({
    ...redisOptionsFromUrl(config.redisUrl),
    connectionName: 'dvorik',
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: 1_000,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 50, 2_000),
  });
}

/** Resolves once the client is ready, or after READY_WAIT_MS (Redis down at start-up stops nothing). */
async function readyOrLater(redis: Redis): Promise<Redis> {
  if (redis.status === 'ready') return redis;
  const logger = new Logger('Redis');
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      logger.warn('Redis is not reachable yet; starting anyway, requests needing it answer 503');
      resolve();
    }, READY_WAIT_MS);
    timer.unref();
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return redis;
}

/** One shared Redis connection for cache, sessions, tokens and locks (queues open their own, as BullMQ requires). */
@Global()
@Module({
  providers: [
    {
      provide: Redis,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => readyOrLater(attachErrorLog(fastFailingRedis(config))),
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

/** A connection error is logged once per outage, not once per reconnection attempt (ioredis emits each). */
function attachErrorLog(redis: Redis): Redis {
  const logger = new Logger('Redis');
  let down = false;
  redis.on('error', (error: Error) => {
    if (!down) logger.warn({ err: error }, 'Redis connection lost; reconnecting');
    down = true;
  });
  redis.on('ready', () => {
    if (down) logger.log('Redis connection back');
    down = false;
  });
  return redis;
}
