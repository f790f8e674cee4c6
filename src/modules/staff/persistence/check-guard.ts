import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { RedisKeys } from '../../../infrastructure/redis/redis-keys';

/** SPEC 4: more than this many failed checks in a minute by one cashier pause that cashier's checks. */
export const FAILED_CHECKS_ALLOWED = 10;
export const FAILED_CHECKS_WINDOW_MS = 60_000;
export const CHECKS_PAUSE_MS = 60_000;

/**
 * A sliding minute of one cashier's failed checks (a sorted set scored by time, on Redis's clock) and the
 * pause. The failure that goes over the limit starts the pause (SET NX: once per pause, however many
 * replicas and cashiers' messages race) and clears the window, so the count starts afresh after it.
 * KEYS: failures, pause. ARGV: allowed, window ms, pause ms, a unique member. Answers {failures, paused now}.
 */
const RECORD_FAILURE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
redis.call('ZADD', KEYS[1], now, ARGV[4])
redis.call('PEXPIRE', KEYS[1], window)
local failures = redis.call('ZCARD', KEYS[1])
if failures > tonumber(ARGV[1]) then
  redis.call('DEL', KEYS[1])
  if redis.call('SET', KEYS[2], now, 'PX', tonumber(ARGV[3]), 'NX') then return {failures, 1} end
end
return {failures, 0}
`;

type Scripted = Redis & {
  cashierCheckFailure(
    failuresKey: string,
    pauseKey: string,
    allowed: number,
    windowMs: number,
    pauseMs: number,
    member: string,
  ): Promise<[number, number]>;
};

/** Counts a cashier's failed code checks and holds their pause (shared by every bots replica). */
@Injectable()
export class CheckGuard {
  private readonly redis: Scripted;

  constructor(
    redis: Redis,
    private readonly keys: RedisKeys,
  ) {
    if (!('cashierCheckFailure' in redis)) {
      redis.defineCommand('cashierCheckFailure', { numberOfKeys: 2, lua: RECORD_FAILURE });
    }
    this.redis = redis as Scripted;
  }

  /** Milliseconds left of the cashier's pause; 0 when they may check. */
  async pausedFor(cashierId: number): Promise<number> {
    return Math.max(0, await this.redis.pttl(this.pauseKey(cashierId)));
  }

  /** Records a failed check; `pausedNow` when this one started a pause. */
  async recordFailure(cashierId: number): Promise<{ failures: number; pausedNow: boolean }> {
    const [failures, pausedNow] = await this.redis.cashierCheckFailure(
      this.keys.key('limit', 'cashier-checks', cashierId),
      this.pauseKey(cashierId),
      FAILED_CHECKS_ALLOWED,
      FAILED_CHECKS_WINDOW_MS,
      CHECKS_PAUSE_MS,
      randomBytes(6).toString('hex'),
    );
    return { failures, pausedNow: pausedNow === 1 };
  }

  private pauseKey(cashierId: number): string {
    return this.keys.key('limit', 'cashier-checks-paused', cashierId);
  }
}
