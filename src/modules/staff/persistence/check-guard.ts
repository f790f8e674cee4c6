import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { RECORD_FAILURE_THEN_PAUSE } from '../../../infrastructure/redis/failures-then-pause';
import { RedisKeys } from '../../../infrastructure/redis/redis-keys';

/** SPEC 4: more than this many failed checks in a minute by one cashier pause that cashier's checks. */
export const FAILED_CHECKS_ALLOWED = 10;
export const FAILED_CHECKS_WINDOW_MS = 60_000;
export const CHECKS_PAUSE_MS = 60_000;

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
      redis.defineCommand('cashierCheckFailure', { numberOfKeys: 2, lua: RECORD_FAILURE_THEN_PAUSE });
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
