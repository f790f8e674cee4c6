import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { RedisKeys } from '../../../infrastructure/redis/redis-keys';
import { RECORD_FAILURE_THEN_PAUSE } from '../../../infrastructure/redis/failures-then-pause';
import { POS_TAKE } from './pos-take';

/** A till key whose unknown codes went over the limit waits this long, like a cashier (SPEC 4). */
export const POS_PAUSE_MS = 60_000;
const WINDOW_MS = 60_000;

type Scripted = Redis & {
  posTake(
    requests: string,
    pause: string,
    refusals: string,
    limit: number,
    windowMs: number,
  ): Promise<number[]>;
  posUnknownCode(
    unknown: string,
    pause: string,
    allowed: number,
    windowMs: number,
    pauseMs: number,
    member: string,
  ): Promise<number[]>;
};

/** The answer to one POS request: go on, or wait `retryAfterMs` (`refusals`: refused so far this minute). */
export type PosTurn =
  { allowed: true } | { allowed: false; retryAfterMs: number; refusals: number; reason: 'rate' | 'paused' };

/** The POS till's limits per API key, shared by every api replica through Redis. */
@Injectable()
export class PosLimits {
  private readonly redis: Scripted;

  constructor(
    redis: Redis,
    private readonly keys: RedisKeys,
  ) {
    if (!('posTake' in redis)) {
      redis.defineCommand('posTake', { numberOfKeys: 3, lua: POS_TAKE });
      redis.defineCommand('posUnknownCode', { numberOfKeys: 2, lua: RECORD_FAILURE_THEN_PAUSE });
    }
    this.redis = redis as Scripted;
  }

  async take(keyIndex: number, perMinute: number): Promise<PosTurn> {
    const [allowed, retryAfterMs, refusals, paused] = await this.redis.posTake(
      this.key('requests', keyIndex),
      this.key('paused', keyIndex),
      this.key('refused', keyIndex),
      perMinute,
      WINDOW_MS,
    );
    if (allowed === 1) return { allowed: true };
    return { allowed: false, retryAfterMs, refusals, reason: paused === 1 ? 'paused' : 'rate' };
  }

  /** Counts an unknown code; `pausedNow` when this one started the key's pause. */
  async unknownCode(keyIndex: number, allowed: number): Promise<{ unknown: number; pausedNow: boolean }> {
    const [unknown, pausedNow] = await this.redis.posUnknownCode(
      this.key('unknown', keyIndex),
      this.key('paused', keyIndex),
      allowed,
      WINDOW_MS,
      POS_PAUSE_MS,
      randomBytes(6).toString('hex'),
    );
    return { unknown, pausedNow: pausedNow === 1 };
  }

  private key(what: string, keyIndex: number): string {
    return this.keys.key('limit', 'pos', what, keyIndex);
  }
}
