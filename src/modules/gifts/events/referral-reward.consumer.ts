import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DeliveredFact } from '../../../infrastructure/outbox/fact';
import { ConsumesFacts, OutboxConsumer } from '../../../infrastructure/outbox/outbox-consumer';
import { DiscountRedeemedEvent } from '../../codes/events/discount.events';
import { RewardReferralCommand } from '../commands/reward-referral.command';

/**
 * Every redemption asks whether it was an invited client's first one (the referral reward). An outbox
 * consumer: a failure (the database away mid-way) is retried until it is done, and a retry gives nothing
 * twice (the rewards are unique by client, template and the pair's period key).
 */
@Injectable()
@OutboxConsumer('gifts.referral-reward', DiscountRedeemedEvent)
export class ReferralRewardConsumer implements ConsumesFacts<DiscountRedeemedEvent> {
  constructor(private readonly commands: CommandBus) {}

  async handle({ fact: { redeemed } }: DeliveredFact<DiscountRedeemedEvent>): Promise<void> {
    if (redeemed.userId === null) return;
    await this.commands.execute(new RewardReferralCommand(redeemed.userId, redeemed.redemptionId));
  }
}
