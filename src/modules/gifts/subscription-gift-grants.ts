import { Injectable } from '@nestjs/common';
import type { SubscriptionGift } from './commands/subscription-gift.commands';

/** Long past any reply's read of its grant; a grant nobody reads (a channel join) is forgotten then. */
const KEEP_MS = 60_000;

/**
 * The subscription gifts this process is granting or has just granted, by client: the fast path (the
 * UserSubscribed listener) hands its grant here, and the «Я подписался» reply reads it
 * (AwaitSubscriptionGiftQuery). The listener runs in the process that recorded the subscription, and the
 * event bus starts it before SetSubscriptionCommand returns, so the reply always finds the grant here.
 */
@Injectable()
export class SubscriptionGiftGrants {
  private readonly grants = new Map<number, Promise<SubscriptionGift | null>>();

  /** Keeps `grant` for the client's reply; it must not reject (a failed grant resolves to null). */
  track(userId: number, grant: Promise<SubscriptionGift | null>): void {
    this.grants.set(userId, grant);
    void grant.finally(() => {
      setTimeout(() => {
        if (this.grants.get(userId) === grant) this.grants.delete(userId);
      }, KEEP_MS).unref();
    });
  }

  /** The client's grant, or null when none started here in the last minute. */
  of(userId: number): Promise<SubscriptionGift | null> | null {
    return this.grants.get(userId) ?? null;
  }
}
