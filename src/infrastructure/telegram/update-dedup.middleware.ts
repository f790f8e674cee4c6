import type Redis from 'ioredis';
import type { Context, MiddlewareFn } from 'telegraf';
import type { Metrics } from '../metrics/metrics';
import type { RedisKeys } from '../redis/redis-keys';
import type { BotName } from './bot-name';

/** Telegram retries a webhook for a while; a day comfortably outlasts its retries and any replay. */
const SEEN_FOR_SECONDS = 86_400;

/**
 * Lets each update through at most once, across retries and replicas: the first to claim its update_id
 * in Redis (SET NX) handles it, any repeat is dropped silently. Registered first, before every handler.
 */
export function dedupUpdates(
  bot: BotName,
  redis: Redis,
  keys: RedisKeys,
  metrics: Metrics,
): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const key = keys.key('dedup', bot, ctx.update.update_id);
    const claimed = await redis.set(key, '1', 'EX', SEEN_FOR_SECONDS, 'NX');
    if (claimed !== 'OK') return;
    metrics.botUpdates.inc({ bot, type: ctx.updateType });
    await next();
  };
}
