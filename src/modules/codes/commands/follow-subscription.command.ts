import { Command, CommandHandler, EventBus, ICommandHandler } from '@nestjs/cqrs';
import { Outbox } from '../../../infrastructure/outbox/outbox';
import { Clock } from '../../../common/clock/clock';
import { SubscriptionCodeFollowedEvent } from '../events/subscription-code.events';
import { SubscriptionGiftState } from '../persistence/subscription-gift-state';

/**
 * Suspends a client's unused subscription gift while they are not subscribed to the channel, and restores
 * it when they are (never a second gift). Reads the client's current flag, so it may run late or twice.
 */
export class FollowSubscriptionCommand extends Command<{ suspended: number; restored: number }> {
  constructor(readonly userId: number) {
    super();
  }
}

@CommandHandler(FollowSubscriptionCommand)
export class FollowSubscriptionHandler implements ICommandHandler<
  FollowSubscriptionCommand,
  { suspended: number; restored: number }
> {
  constructor(
    private readonly state: SubscriptionGiftState,
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly outbox: Outbox,
  ) {}

  async execute({ userId }: FollowSubscriptionCommand): Promise<{ suspended: number; restored: number }> {
    const facts: SubscriptionCodeFollowedEvent[] = [];
    const changed = await this.state.follow(userId, this.clock.now(), async (manager, counts) => {
      if (counts.suspended > 0)
        facts.push(new SubscriptionCodeFollowedEvent(userId, 'suspended', counts.suspended));
      if (counts.restored > 0)
        facts.push(new SubscriptionCodeFollowedEvent(userId, 'restored', counts.restored));
      await this.outbox.record(manager, ...facts);
    });
    for (const fact of facts) this.events.publish(fact);
    return changed;
  }
}
