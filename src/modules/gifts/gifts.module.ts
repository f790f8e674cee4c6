import { Module } from '@nestjs/common';
import { IssueBirthdayGiftsHandler } from './commands/issue-birthday-gifts.command';
import { RewardReferralHandler } from './commands/reward-referral.command';
import { GrantSubscriptionGiftHandler } from './commands/subscription-gift.commands';
import { ReferralRewardConsumer } from './events/referral-reward.consumer';
import { FollowSubscriptionConsumer, SubscriptionGiftConsumer } from './events/subscription-gift.consumers';
import { GiveSubscriptionGiftHandler } from './events/subscription-gift.handlers';
import { BirthdayGiftsJob } from './jobs/birthday-gifts.job';
import { BirthdayTick } from './jobs/birthday.tick';
import { BirthdayCandidates } from './persistence/birthday-candidates';
import { ReferralFacts } from './persistence/referral-facts';
import { AwaitSubscriptionGiftHandler } from './queries/await-subscription-gift.query';
import { SubscriptionGiftGrants } from './subscription-gift-grants';

/**
 * The shop's gifts, each a policy reacting to a fact and issuing through the codes module's
 * IssueDiscountCommand: the subscription gift (UserSubscribed: in-process for the reply, an outbox consumer
 * as the durable path; suspended while the client is away, by a consumer), the
 * birthday run (a daily job), the referral reward (a first redemption). Announcing them is the notices
 * module's job (it reacts to DiscountIssuedEvent).
 */
@Module({
  providers: [
    SubscriptionGiftGrants,
    AwaitSubscriptionGiftHandler,
    BirthdayCandidates,
    ReferralFacts,
    GrantSubscriptionGiftHandler,
    GiveSubscriptionGiftHandler,
    SubscriptionGiftConsumer,
    FollowSubscriptionConsumer,
    IssueBirthdayGiftsHandler,
    BirthdayGiftsJob,
    BirthdayTick,
    RewardReferralHandler,
    ReferralRewardConsumer,
  ],
})
export class GiftsModule {}
