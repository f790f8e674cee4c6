import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { RedisKeys } from '../redis/redis-keys';
import { BotName } from './bot-name';

/** How long a half-finished dialog waits for the person's next message. */
export const CONVERSATION_TTL_SECONDS = 600;

/**
 * Where a multi-step dialog stands, per bot and chat, in Redis (so any replica can take the next message).
 * The state expires 10 minutes after the last step; the bot then treats the next message as a fresh one.
 */
@Injectable()
export class ConversationStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  /** The dialog's state, or null when there is none (or it expired). */
  async get<State extends object>(bot: BotName, chatId: number): Promise<State | null> {
    const raw = await this.redis.get(this.key(bot, chatId));
    return raw === null ? null : (JSON.parse(raw) as State);
  }

  /** Saves the state and restarts the 10-minute clock. */
  async set<State extends object>(bot: BotName, chatId: number, state: State): Promise<void> {
    await this.redis.set(this.key(bot, chatId), JSON.stringify(state), 'EX', CONVERSATION_TTL_SECONDS);
  }

  async clear(bot: BotName, chatId: number): Promise<void> {
    await this.redis.del(this.key(bot, chatId));
  }

  private key(bot: BotName, chatId: number): string {
    return this.keys.key('conversation', bot, chatId);
  }
}
