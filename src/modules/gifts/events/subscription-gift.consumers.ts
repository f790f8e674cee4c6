import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DeliveredFact } from '../../../infrastructure/outbox/fact';
import { ConsumesFacts, OutboxConsumer } from '../../../infrastructure/outbox/outbox-consumer';
import { FollowSubscriptionCommand } from '../../codes/commands/follow-subscription.command';
import { UserSubscribedEvent, UserUnsubscribedEvent } from '../../users/events/user.events';
import { GrantSubscriptionGiftCommand } from '../commands/subscription-gift.commands';

/**
 * Long enough for the in-process grant (GiveSubscriptionGiftHandler) to have finished in the usual case, so
 * this consumer finds the gift issued and does nothing; short enough that a client whose grant failed gets
 * the gift within seconds.
 */
export const SUBSCRIPTION_GIFT_FIRST_DELAY_MS = 5_000;

/**
 * The durable path of the subscription gift: a first subscription recorded is granted its gift even when
 * the in-process grant failed or its process died after the commit. Idempotent by the gift's period key
 * (`once`, unique per client and template): finding the gift already issued does nothing. The code is
 * announced only when this delivery issued it (IssueDiscountCommand announces a new code only), since the
 * reply that could have shown it has gone by then.
 */
@Injectable()
@OutboxConsumer(
  { name: 'gifts.subscription-gift', firstDelayMs: SUBSCRIPTION_GIFT_FIRST_DELAY_MS },
  UserSubscribedEvent,
)
export class SubscriptionGiftConsumer implements ConsumesFacts<UserSubscribedEvent> {
  constructor(private readonly commands: CommandBus) {}

  async handle({ fact }: DeliveredFact<UserSubscribedEvent>): Promise<void> {
    if (!fact.firstTime) return;
    await this.commands.execute(new GrantSubscriptionGiftCommand(fact.userId, true));
  }
}

/**
 * A client who leaves the channel keeps an unused subscription gift, suspended until they return; a return
 * restores it (never a second gift). FollowSubscriptionCommand reads the client's current flag, so a late
 * or repeated delivery leaves the gift as the client's latest state wants it.
 */
@Injectable()
@OutboxConsumer('gifts.follow-subscription', UserSubscribedEvent, UserUnsubscribedEvent)
export class FollowSubscriptionConsumer implements ConsumesFacts<
  UserSubscribedEvent | UserUnsubscribedEvent
> {
  constructor(private readonly commands: CommandBus) {}

  async handle({ fact }: DeliveredFact<UserSubscribedEvent | UserUnsubscribedEvent>): Promise<void> {
    await this.commands.execute(new FollowSubscriptionCommand(fact.userId));
  }
}
