import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { Clock } from '../../../common/clock/clock';
import { RedisKeys } from '../../../infrastructure/redis/redis-keys';

/** The deny-list of logged-out tokens, by jti, kept in Redis until the token would have expired anyway. */
@Injectable()
export class RevokedTokens {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly clock: Clock,
  ) {}

  async revoke(jti: string, exp: number): Promise<void> {
    const ttl = exp - Math.floor(this.clock.now().getTime() / 1000);
    if (ttl > 0) await this.redis.set(this.keys.key('auth', 'revoked', jti), '1', 'EX', ttl);
  }

  async isRevoked(jti: string): Promise<boolean> {
    return (await this.redis.exists(this.keys.key('auth', 'revoked', jti))) === 1;
  }
}
