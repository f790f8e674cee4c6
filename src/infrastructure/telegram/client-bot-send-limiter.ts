import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { RedisKeys } from '../redis/redis-keys';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Telegram's free limit for one bot: about 30 messages a second to different chats. */
export const FREE_SEND_RATE = 30;

/**
 * The rate a client bot send takes its slot at, from `broadcast.rate_per_second`: beyond ~30 a second
 * Telegram wants paid broadcasts (allow_paid_broadcast), so a send that is not one is held to the free limit.
 */
export function clientBotSendRate(ratePerSecond: number, paid: boolean): number {
  return paid ? ratePerSecond : Math.min(ratePerSecond, FREE_SEND_RATE);
}

/**
 * GCRA in one Lua script, on Redis's clock (so every process agrees on "now"), granting up to ARGV[3]
 * consecutive slots at once. KEYS: the theoretical arrival time (ms) and the pause-until time (ms). ARGV: ms
 * between sends, how far ahead a slot may be reserved, slots wanted. Answers {n, wait}: n consecutive slots
 * are reserved, the first `wait` ms from now, the next ones ARGV[1] ms apart; {0, wait}: paused or the next
 * free slot is beyond the horizon, ask again in `wait` ms (nothing reserved).
 */
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local pausedUntil = tonumber(redis.call('GET', KEYS[2]) or '0')
if pausedUntil > now then return {0, pausedUntil - now} end
local interval = tonumber(ARGV[1])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local wait = tat - now
local horizon = tonumber(ARGV[2])
if wait > horizon then return {0, math.ceil(wait - horizon)} end
local granted = math.min(tonumber(ARGV[3]), math.floor((horizon - wait) / interval) + 1)
local booked = tat + granted * interval
redis.call('SET', KEYS[1], string.format('%.3f', booked), 'PX', math.ceil(booked - now) + 60000)
return {granted, math.ceil(wait)}
`;

/** Everyone waits until now + ARGV[1] ms (never shortens a longer pause); reservations restart after it. */
const PAUSE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local untilMs = now + tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[2]) or '0')
if untilMs > current then redis.call('SET', KEYS[2], string.format('%.0f', untilMs), 'PX', tonumber(ARGV[1])) end
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < untilMs then redis.call('SET', KEYS[1], string.format('%.3f', untilMs), 'PX', tonumber(ARGV[1]) + 60000) end
return untilMs - now
`;

/** Answers the ms left of a pause, 0 when none. */
const PAUSE_LEFT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local pausedUntil = tonumber(redis.call('GET', KEYS[1]) or '0')
if pausedUntil > now then return pausedUntil - now end
return 0
`;

/** Answers {ms booked ahead of now, ms left of a pause}. */
const STATE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
local pausedUntil = tonumber(redis.call('GET', KEYS[2]) or '0')
return {math.max(0, math.floor(tat - now)), math.max(0, pausedUntil - now)}
`;

/**
 * Runs `send(item)` for each item of a batch at its slot: item i at `firstDue` + i * 1000 / perSecond ms,
 * never earlier, so a batch keeps the spacing of single sends. Answers the results in the items' order.
 */
export function spacedSends<T, R>(
  items: readonly T[],
  perSecond: number,
  firstDue: number,
  send: (item: T) => Promise<R>,
): Promise<R[]> {
  const spacing = 1000 / perSecond;
  return Promise.all(
    items.map(async (item, i) => {
      const wait = firstDue + i * spacing - Date.now();
      if (wait >= 1) await sleep(wait);
      return send(item);
    }),
  );
}

/** A slot is reserved at most this far ahead: a crashed process wastes at most a second of sending. */
const HORIZON_MS = 1000;

type Scripted = Redis & {
  clientBotAcquire(
    tatKey: string,
    pauseKey: string,
    intervalMs: string,
    horizonMs: number,
    wanted: number,
  ): Promise<[number, number]>;
  clientBotPause(tatKey: string, pauseKey: string, pauseMs: number): Promise<number>;
  clientBotPauseLeft(pauseKey: string): Promise<number>;
  clientBotState(tatKey: string, pauseKey: string): Promise<[number, number]>;
};

/**
 * The one sending rate of the client bot's bulk messages (broadcast sends and client notices), shared by
 * every process through Redis, since Telegram counts them together per bot token: a send waits for its slot
 * (`acquire`), and a 429 from Telegram, seen by any sender, pauses every sender for its retry_after
 * (`pause`). Each slot moves the one timeline on by 1/rate of its sender, so senders at the same rate
 * share it (together never faster than that rate), and a notice at 25 a second costs as much of it as ten
 * sends of a paid broadcast at 250. Single interactive replies and the admin's test sends do not queue here.
 */
@Injectable()
export class ClientBotSendLimiter {
  private readonly redis: Scripted;
  private readonly tatKey: string;
  private readonly pauseKey: string;

  constructor(redis: Redis, keys: RedisKeys) {
    if (!('clientBotAcquire' in redis)) {
      redis.defineCommand('clientBotAcquire', { numberOfKeys: 2, lua: ACQUIRE });
      redis.defineCommand('clientBotPause', { numberOfKeys: 2, lua: PAUSE });
      redis.defineCommand('clientBotPauseLeft', { numberOfKeys: 1, lua: PAUSE_LEFT });
      redis.defineCommand('clientBotState', { numberOfKeys: 2, lua: STATE });
    }
    this.redis = redis as Scripted;
    this.tatKey = keys.key('limit', 'client-bot-sends', 'tat');
    this.pauseKey = keys.key('limit', 'client-bot-sends', 'paused');
  }

  /**
   * Waits for a sending slot at `perSecond` (shared by all processes) and outside any pause. False when
   * `stop()` became true while waiting (no slot is used then, or one reserved slot is let go).
   */
  async acquire(perSecond: number, stop: () => boolean): Promise<boolean> {
    return (await this.acquireMany(perSecond, 1, stop)) > 0;
  }

  /**
   * Waits for up to `wanted` consecutive slots at `perSecond` (one Redis call when the timeline has room,
   * one more to see a pause that began while waiting) and answers how many it got, at least 1: the first
   * is due when it returns, slot i 1000 / perSecond * i ms later (`spacedSends`). 0 when `stop()` became
   * true while waiting (the reserved slots are let go).
   */
  async acquireMany(perSecond: number, wanted: number, stop: () => boolean): Promise<number> {
    const interval = (1000 / perSecond).toFixed(3);
    for (;;) {
      if (stop()) return 0;
      const [granted, wait] = await this.redis.clientBotAcquire(
        this.tatKey,
        this.pauseKey,
        interval,
        HORIZON_MS,
        Math.max(1, Math.floor(wanted)),
      );
      if (!granted) {
        await sleep(Math.min(wait, 1000));
        continue;
      }
      if (wait === 0) return granted;
      await sleep(wait);
      // A 429 elsewhere may have paused everyone while these slots were waiting: honour it, then queue again.
      const pausedFor = await this.redis.clientBotPauseLeft(this.pauseKey);
      if (pausedFor === 0) return stop() ? 0 : granted;
      await sleep(Math.min(pausedFor, 1000));
    }
  }

  /** Telegram said 429: no process sends for `seconds` (the pause only ever grows). */
  async pause(seconds: number): Promise<void> {
    await this.redis.clientBotPause(this.tatKey, this.pauseKey, Math.ceil(seconds * 1000));
  }

  /** Ms left of the current pause (0: none). */
  pausedFor(): Promise<number> {
    return this.redis.clientBotPauseLeft(this.pauseKey);
  }

  /** How far ahead the shared timeline is booked and how long a pause is left, in ms (for /metrics). */
  async state(): Promise<{ bookedMs: number; pausedMs: number }> {
    const [bookedMs, pausedMs] = await this.redis.clientBotState(this.tatKey, this.pauseKey);
    return { bookedMs, pausedMs };
  }
}
