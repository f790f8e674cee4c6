import { Logger } from '@nestjs/common';
import { CommandBus, EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { UserSubscribedEvent, UserUnsubscribedEvent } from '../../users/events/user.events';
import { FollowSubscriptionCommand } from '../../codes/commands/follow-subscription.command';
import { GrantSubscriptionGiftCommand } from '../commands/subscription-gift.commands';

/**
 * The first subscription ever brings the subscription gift (from whichever role recorded it: the bot's
 * button, a `chat_member` join, a re-check); a return only restores the gift suspended at the leave.
 */
@EventsHandler(UserSubscribedEvent)
export class GiveSubscriptionGiftHandler implements IEventHandler<UserSubscribedEvent> {
  private readonly logger = new Logger(GiveSubscriptionGiftHandler.name);

  constructor(private readonly commands: CommandBus) {}

  async handle({ userId, firstTime }: UserSubscribedEvent): Promise<void> {
    try {
      if (firstTime) await this.commands.execute(new GrantSubscriptionGiftCommand(userId));
      else await this.commands.execute(new FollowSubscriptionCommand(userId));
    } catch (error) {
      this.logger.error({ err: error, userId, firstTime }, 'Could not give or restore the subscription gift');
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
