import { Logger } from '@nestjs/common';
import { CommandBus, EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { UserSubscribedEvent } from '../../users/events/user.events';
import { GrantSubscriptionGiftCommand, SubscriptionGift } from '../commands/subscription-gift.commands';
import { SubscriptionGiftGrants } from '../subscription-gift-grants';

/**
 * The fast path of the subscription gift: the first subscription ever brings it, whichever way it became
 * known (the bot's «Я подписался», a `chat_member` join), granted in the process that recorded it so the
 * bot's and the Mini App's reply can show the code of a button press (AwaitSubscriptionGiftQuery); a join's
 * gift is announced instead. The durable path is the `gifts.subscription-gift` outbox consumer, a few
 * seconds later: if this grant failed (or the process died first), it issues the gift and announces it.
 * Both issue with the period key `once`, whose unique index makes it one gift whichever writes first.
 */
@EventsHandler(UserSubscribedEvent)
export class GiveSubscriptionGiftHandler implements IEventHandler<UserSubscribedEvent> {
  private readonly logger = new Logger(GiveSubscriptionGiftHandler.name);

  constructor(
    private readonly commands: CommandBus,
    private readonly grants: SubscriptionGiftGrants,
  ) {}

  async handle({ userId, firstTime, source }: UserSubscribedEvent): Promise<void> {
    if (!firstTime) return;
    // Handed over before the first await, so the reply (after SetSubscriptionCommand returns) finds it.
    const grant = this.grant(userId, source === 'channel');
    this.grants.track(userId, grant);
    await grant;
  }

  private async grant(userId: number, announce: boolean): Promise<SubscriptionGift | null> {
    try {
      return await this.commands.execute(new GrantSubscriptionGiftCommand(userId, announce));
    } catch (error) {
      this.logger.warn(
        { err: error, userId },
        'Could not give the subscription gift now; the outbox consumer gives it shortly',
      );
      return null;
    }
  }
}
