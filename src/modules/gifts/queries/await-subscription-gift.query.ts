import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { SubscriptionGift } from '../commands/subscription-gift.commands';
import { SubscriptionGiftGrants } from '../subscription-gift-grants';

/**
 * The subscription gift granted for a client's first subscription, once its grant has finished: for the
 * «Я подписался» reply, which shows the code (the grant of a button press is not announced). Null when no
 * gift is configured, none could be issued, or this was not a first subscription recorded just now.
 */
export class AwaitSubscriptionGiftQuery extends Query<SubscriptionGift | null> {
  constructor(readonly userId: number) {
    super();
  }
}

@QueryHandler(AwaitSubscriptionGiftQuery)
export class AwaitSubscriptionGiftHandler implements IQueryHandler<
  AwaitSubscriptionGiftQuery,
  SubscriptionGift | null
> {
  constructor(private readonly grants: SubscriptionGiftGrants) {}

  async execute({ userId }: AwaitSubscriptionGiftQuery): Promise<SubscriptionGift | null> {
    return (await this.grants.of(userId)) ?? null;
  }
}
