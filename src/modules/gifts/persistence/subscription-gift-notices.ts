import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { RedisKeys } from '../../../infrastructure/redis/redis-keys';

/** Far longer than any announcement stays in the queue; the gift itself is once per client ever. */
const CLAIM_SECONDS = 30 * 86_400;

/**
 * Who tells a client about their subscription gift. The «Я подписался» reply shows the code itself, and
 * the UserSubscribed listener issues the same gift at the same moment (it also serves `chat_member`
 * joins, where nobody replies), so exactly one of the two may speak: the first to claim the client's key.
 * The bot claims before it issues, a fraction of a millisecond after the subscription is recorded, while
 * the announcement job claims only after an INSERT, a queue round trip and a worker's pick-up: in practice
 * the reply wins whenever there is one.
 */
@Injectable()
export class SubscriptionGiftNotices {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  /** True when telling `userId` is `owner`'s job: claimed now, or claimed before by the same owner (a retry). */
  async claim(userId: number, owner: string): Promise<boolean> {
    const key = this.keys.key('lock', 'subscription-gift-notice', userId);
    const set = await this.redis.set(key, owner, 'EX', CLAIM_SECONDS, 'NX');
    return set === 'OK' || (await this.redis.get(key)) === owner;
  }
}
