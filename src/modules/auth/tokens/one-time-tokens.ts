import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { createHash, randomBytes } from 'node:crypto';
import { RedisKeys } from '../../../infrastructure/redis/redis-keys';

export type OneTimePurpose = 'telegram-login' | 'link-code';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * Single-use secrets kept in Redis by their SHA-256 (a leaked Redis dump reveals no usable token): the
 * Telegram login token (32 random bytes) and the Telegram link code. `consume` is atomic (GETDEL), so a
 * token works once even when two requests race.
 */
@Injectable()
export class OneTimeTokens {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  async issue(purpose: OneTimePurpose, subject: string, ttlSeconds: number, bytes = 32): Promise<string> {
    const token = randomBytes(bytes).toString('base64url');
    await this.redis.set(this.keys.key('auth', purpose, sha256(token)), subject, 'EX', ttlSeconds);
    return token;
  }

  /** The subject the token was issued for, or null when it is unknown, expired or already used. */
  async consume(purpose: OneTimePurpose, token: string): Promise<string | null> {
    if (!token || token.length > 200) return null;
    return this.redis.getdel(this.keys.key('auth', purpose, sha256(token)));
  }
}
