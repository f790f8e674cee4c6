import { Logger } from '@nestjs/common';
import { CommandBus, EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { FollowSubscriptionCommand } from '../../codes/commands/follow-subscription.command';
import { UserSubscribedEvent, UserUnsubscribedEvent } from '../../users/events/user.events';
import { GrantSubscriptionGiftCommand, SubscriptionGift } from '../commands/subscription-gift.commands';
import { SubscriptionGiftGrants } from '../subscription-gift-grants';

/**
 * The one writer of the subscription gift: the first subscription ever brings it, whichever way it became
 * known (the bot's «Я подписался», a `chat_member` join). The grant is kept for the bot's reply, which shows
 * the code of a button press (AwaitSubscriptionGiftQuery); a join's gift is announced instead. A return only
 * restores the gift suspended at the leave.
 */
@EventsHandler(UserSubscribedEvent)
export class GiveSubscriptionGiftHandler implements IEventHandler<UserSubscribedEvent> {
  private readonly logger = new Logger(GiveSubscriptionGiftHandler.name);

  constructor(
    private readonly commands: CommandBus,
    private readonly grants: SubscriptionGiftGrants,
  ) {}

  async handle({ userId, firstTime, source }: UserSubscribedEvent): Promise<void> {
    if (!firstTime) {
      await this.follow(userId);
      return;
    }
    // Handed over before the first await, so the reply (after SetSubscriptionCommand returns) finds it.
    const grant = this.grant(userId, source === 'channel');
    this.grants.track(userId, grant);
    await grant;
  }

  private async grant(userId: number, announce: boolean): Promise<SubscriptionGift | null> {
    try {
      return await this.commands.execute(new GrantSubscriptionGiftCommand(userId, announce));
    } catch (error) {
      this.logger.error({ err: error, userId }, 'Could not give the subscription gift');
      return null;
    }
  }

  private async follow(userId: number): Promise<void> {
    try {
      await this.commands.execute(new FollowSubscriptionCommand(userId));
    } catch (error) {
      this.logger.error({ err: error, userId }, 'Could not restore the subscription gift');
    }
  }
}

/** A client who leaves the channel keeps an unused subscription gift, suspended until they return. */
@EventsHandler(UserUnsubscribedEvent)
export class SuspendSubscriptionGiftHandler implements IEventHandler<UserUnsubscribedEvent> {
  private readonly logger = new Logger(SuspendSubscriptionGiftHandler.name);

  constructor(private readonly commands: CommandBus) {}

  async handle({ userId }: UserUnsubscribedEvent): Promise<void> {
    try {
      await this.commands.execute(new FollowSubscriptionCommand(userId));
    } catch (error) {
      this.logger.error({ err: error, userId }, 'Could not suspend the subscription gift');
    }
  }
}
