import type Redis from 'ioredis';
import type { RedisKeys } from '../redis/redis-keys';
import type { BotName } from './bot-name';

/** Telegram retries a webhook for a while; a day comfortably outlasts its retries and any replay. */
const DONE_FOR_SECONDS = 86_400;
/** A claim outlives the handler timeout (30 s), so a crashed process's update is free again soon after. */
const CLAIM_FOR_SECONDS = 60;

/** What the ledger says about an update that has just arrived. */
export type Claim = 'mine' | 'done' | 'in-hand';

/**
 * Which Telegram updates were handled, per bot, across retries and replicas (Redis). An update is claimed
 * while it is handled (SET NX, expires with the handler timeout), marked done only once its handling
 * finished, and released when it failed for a passing reason, so Telegram's next delivery handles it.
 */
export class UpdateLedger {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  /** `mine`: handle it; `done`: handled before, drop it; `in-hand`: another process is handling it now. */
  async claim(bot: BotName, updateId: number): Promise<Claim> {
    const key = this.key(bot, updateId);
    const claimed = await this.redis.set(key, 'handling', 'EX', CLAIM_FOR_SECONDS, 'NX');
    if (claimed === 'OK') return 'mine';
    return (await this.redis.get(key)) === 'handling' ? 'in-hand' : 'done';
  }

  async markDone(bot: BotName, updateId: number): Promise<void> {
    await this.redis.set(this.key(bot, updateId), 'done', 'EX', DONE_FOR_SECONDS);
  }

  async release(bot: BotName, updateId: number): Promise<void> {
    await this.redis.del(this.key(bot, updateId));
  }

  private key(bot: BotName, updateId: number): string {
    return this.keys.key('dedup', bot, updateId);
  }
}
