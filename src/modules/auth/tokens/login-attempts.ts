import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { RedisKeys } from '../../../infrastructure/redis/redis-keys';
import { locksAfter, LOGIN_POLICY, normaliseUsername } from '../domain/login-policy';

/** Counts failed logins per username in Redis and locks a username after too many (shared by all replicas). */
@Injectable()
export class LoginAttempts {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  /** Seconds until the username unlocks, or 0 when it is not locked. */
  async lockedFor(username: string): Promise<number> {
    const ttl = await this.redis.ttl(this.lockKey(username));
    return ttl > 0 ? ttl : 0;
  }

  /** Counts a failure; true when it locked the username. */
  async fail(username: string): Promise<boolean> {
    const key = this.keys.key('auth', 'failures', normaliseUsername(username));
    const [[, failures]] = (await this.redis
      .multi()
      .incr(key)
      .expire(key, LOGIN_POLICY.windowSeconds, 'NX')
      .exec()) as [[Error | null, number]];
    if (!locksAfter(failures)) return false;
    await this.redis.multi().set(this.lockKey(username), '1', 'EX', LOGIN_POLICY.lockSeconds).del(key).exec();
    return true;
  }

  async succeed(username: string): Promise<void> {
    await this.redis.del(this.keys.key('auth', 'failures', normaliseUsername(username)));
  }

  private lockKey(username: string): string {
    return this.keys.key('auth', 'locked', normaliseUsername(username));
  }
}
