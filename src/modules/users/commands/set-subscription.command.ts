import { Command, CommandHandler, EventBus, ICommandHandler } from '@nestjs/cqrs';
import { Outbox } from '../../../infrastructure/outbox/outbox';
import { DataSource } from 'typeorm';
import { Clock } from '../../../common/clock/clock';
import { SubscriptionSource, UserSubscribedEvent, UserUnsubscribedEvent } from '../events/user.events';
import { User } from '../persistence/user.entity';
import { lockClient } from './lock-client';

export interface SubscriptionChange {
  /** The client's flag moved (false: it already said so; a confirmed subscription refreshes the check time). */
  changed: boolean;
  /** Subscribed for the very first time ever. */
  firstTime: boolean;
}

/**
 * Records what the channel says about a client (getChatMember, a `chat_member` update, the periodic
 * re-check). Publishes UserSubscribed / UserUnsubscribed once per transition; `firstTime` only on the first
 * subscription ever. `subscription_checked_at` is when a subscription was last confirmed or changed: it
 * stays NULL until the first subscription, which is how "ever subscribed" is known without another column.
 * `source` travels on UserSubscribed (the gift of a button press is shown in the bot's reply, not announced).
 * USER_NOT_FOUND, USER_DELETED.
 */
export class SetSubscriptionCommand extends Command<SubscriptionChange> {
  constructor(
    readonly userId: number,
    readonly subscribed: boolean,
    readonly source: SubscriptionSource,
  ) {
    super();
  }
}

@CommandHandler(SetSubscriptionCommand)
export class SetSubscriptionHandler implements ICommandHandler<SetSubscriptionCommand, SubscriptionChange> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventBus,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async execute({ userId, subscribed, source }: SetSubscriptionCommand): Promise<SubscriptionChange> {
    const result = await this.dataSource.transaction(async (manager) => {
      const user = await lockClient(manager, userId);
      const now = this.clock.now();
      if (user.isSubscribed === subscribed) {
        if (subscribed) await manager.update(User, userId, { subscriptionCheckedAt: now });
        return { changed: false, firstTime: false, fact: null };
      }
      const firstTime = subscribed && user.subscriptionCheckedAt === null;
      await manager.update(User, userId, { isSubscribed: subscribed, subscriptionCheckedAt: now });
      const fact = subscribed
        ? new UserSubscribedEvent(userId, firstTime, source)
        : new UserUnsubscribedEvent(userId);
      await this.outbox.record(manager, fact);
      return { changed: true, firstTime, fact };
    });
    if (result.fact) this.events.publish(result.fact);
    return { changed: result.changed, firstTime: result.firstTime };
  }
}
