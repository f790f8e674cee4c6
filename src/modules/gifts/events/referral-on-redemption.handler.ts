import { Logger } from '@nestjs/common';
import { CommandBus, EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { RewardReferralCommand } from '../commands/reward-referral.command';
import { DiscountRedeemedEvent } from '../../codes/events/discount.events';

/** Every redemption asks whether it was an invited client's first one (the referral reward). */
@EventsHandler(DiscountRedeemedEvent)
export class ReferralOnRedemptionHandler implements IEventHandler<DiscountRedeemedEvent> {
  private readonly logger = new Logger(ReferralOnRedemptionHandler.name);

  constructor(private readonly commands: CommandBus) {}

  async handle({ redeemed }: DiscountRedeemedEvent): Promise<void> {
    if (redeemed.userId === null) return;
    try {
      await this.commands.execute(new RewardReferralCommand(redeemed.userId, redeemed.redemptionId));
    } catch (error) {
      this.logger.error({ err: error, userId: redeemed.userId }, 'Could not check the referral reward');
    }
  }
}
