import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { RedisKeys } from '../../../infrastructure/redis/redis-keys';
import { RECORD_FAILURE_THEN_PAUSE } from '../../../infrastructure/redis/failures-then-pause';

/** A till key whose unknown codes went over the limit waits this long, like a cashier (SPEC 4). */
export const POS_PAUSE_MS = 60_000;
const WINDOW_MS = 60_000;

/**
 * One POS request of a key: refused while the key is paused, else counted in the current minute (a fixed
 * window on Redis's clock) and refused beyond the limit; refusals are counted too (never a log row each).
 * KEYS: requests of this minute, pause, refusals of this minute. ARGV: limit, window ms.
 * Answers {allowed 1/0, retry after ms, refusals so far in this minute, paused 1/0}.
 */
const TAKE = `
local paused = redis.call('PTTL', KEYS[2])
if paused > 0 then
  local refused = redis.call('INCR', KEYS[3])
  redis.call('PEXPIRE', KEYS[3], ARGV[2])
  return {0, paused, refused, 1}
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[2])
local windowLeft = window - (now % window)
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], windowLeft) end
if count > tonumber(ARGV[1]) then
  local refused = redis.call('INCR', KEYS[3])
  redis.call('PEXPIRE', KEYS[3], window)
  return {0, windowLeft, refused, 0}
end
return {1, 0, 0, 0}
`;

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
      redis.defineCommand('posTake', { numberOfKeys: 3, lua: TAKE });
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
