import { DiscountMetricsHandler } from './events/discount-metrics.handler';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from '../users/persistence/user.entity';
import { BulkIssueDiscountsHandler, StartBulkIssueHandler } from './commands/bulk-issue.commands';
import {
  CreateTemplateHandler,
  DeleteTemplateHandler,
  UpdateTemplateHandler,
} from './commands/discount-template.commands';
import { ExpireDiscountsHandler } from './commands/expire-discounts.command';
import { IssueBirthdayGiftsHandler } from '../gifts/commands/issue-birthday-gifts.command';
import { IssueDiscountHandler } from './commands/issue-discount.command';
import { RecordFailedCheckHandler } from '../staff/commands/record-failed-check.command';
import { RedeemDiscountHandler } from './commands/redeem-discount.command';
import { RevokeDiscountHandler } from './commands/revoke-discount.command';
import { RewardReferralHandler } from '../gifts/commands/reward-referral.command';
import { SendClientNoticeHandler } from '../notices/commands/send-client-notice.command';
import {
  FollowSubscriptionHandler,
  GrantSubscriptionGiftHandler,
} from '../gifts/commands/subscription-gift.commands';
import { QueueClientNoticesHandler } from '../notices/events/client-notices.handler';
import { RecordCheckHandler } from './events/record-check.handler';
import { ReferralOnRedemptionHandler } from '../gifts/events/referral-on-redemption.handler';
import { RevokeCodesOfDeletedClientHandler } from './events/revoke-codes-of-deleted-client.handler';
import {
  GiveSubscriptionGiftHandler,
  SuspendSubscriptionGiftHandler,
} from '../gifts/events/subscription-gift.handlers';
import { TellOwnersOfPauseHandler } from '../notices/events/tell-owners-of-pause.handler';
import { BulkDiscountsController } from './http/bulk-discounts.controller';
import { DiscountTemplatesController } from './http/discount-templates.controller';
import { DiscountsController } from './http/discounts.controller';
import { JobsController } from '../../infrastructure/queues/failed-jobs/jobs.controller';
import { PosDiscountsController } from './http/pos-discounts.controller';
import { BirthdayGiftsJob } from '../gifts/jobs/birthday-gifts.job';
import { BirthdayTick } from '../gifts/jobs/birthday.tick';
import { BulkIssueJob } from './jobs/bulk-issue.job';
import { ExpireDiscountsJob } from './jobs/expire-discounts.job';
import { ExpireDiscountsTick } from './jobs/expire-discounts.tick';
import { NotifyClientJob } from '../notices/jobs/notify-client.job';
import { BirthdayCandidates } from '../gifts/persistence/birthday-candidates';
import { CheckGuard } from '../staff/persistence/check-guard';
import { CodeCards } from './persistence/code-cards';
import { DiscountTemplate } from './persistence/discount-template.entity';
import { DiscountUsageLog } from './persistence/discount-usage-log.entity';
import { Discount } from './persistence/discount.entity';
import { NoticeFactsReader } from '../notices/persistence/notice-facts';
import { RedemptionLedger } from './persistence/redemption-ledger';
import { SubscriptionGiftNotices } from '../gifts/persistence/subscription-gift-notices';
import { SubscriptionGiftState } from '../gifts/persistence/subscription-gift-state';
import { UsageJournal } from './persistence/usage-journal';
import { GetClientCodeHandler, ListClientCodesHandler } from './queries/client-codes.query';
import { GetChecksPauseHandler } from '../staff/queries/get-checks-pause.query';
import { GetJobHandler } from '../../infrastructure/queues/failed-jobs/get-job.query';
import { ListJobsHandler } from '../../infrastructure/queues/failed-jobs/list-jobs.query';
import { RetryJobHandler } from '../../infrastructure/queues/failed-jobs/retry-job.command';
import { GetDiscountHandler, ListDiscountsHandler } from './queries/list-discounts.query';
import { GetTemplateHandler, ListTemplatesHandler } from './queries/list-templates.query';
import { ListUsageHandler } from './queries/list-usage.query';
import { ValidateDiscountHandler } from './queries/validate-discount.query';

/**
 * Discount templates and codes: issue (every gift goes through IssueDiscountCommand), check
 * (ValidateDiscountQuery) and redeem (RedeemDiscountCommand) from the staff bot, the till and the admin API,
 * revoke, expire, bulk issue as a job; the gifts (subscription on UserSubscribed, suspended while the client
 * is away; birthday run; referral reward on a first redemption), every code announced to its client through
 * the rate-limited notifications queue, the client's own codes and the cashier's guard against code guessing.
 * Other modules use the commands, the queries and the events (DiscountIssuedEvent, DiscountRedeemedEvent).
 */
@Module({
  // User: read-only lookups of the client a code is issued to (exists, not deleted, test flag, first name).
  imports: [TypeOrmModule.forFeature([Discount, DiscountTemplate, DiscountUsageLog, User])],
  controllers: [
    DiscountTemplatesController,
    DiscountsController,
    BulkDiscountsController,
    JobsController,
    PosDiscountsController,
  ],
  providers: [
    DiscountMetricsHandler,
    CodeCards,
    UsageJournal,
    RedemptionLedger,
    CreateTemplateHandler,
    UpdateTemplateHandler,
    DeleteTemplateHandler,
    IssueDiscountHandler,
    RedeemDiscountHandler,
    RevokeDiscountHandler,
    StartBulkIssueHandler,
    BulkIssueDiscountsHandler,
    ExpireDiscountsHandler,
    ListTemplatesHandler,
    GetTemplateHandler,
    ListDiscountsHandler,
    GetDiscountHandler,
    ListUsageHandler,
    ValidateDiscountHandler,
    GetJobHandler,
    ListJobsHandler,
    RetryJobHandler,
    RecordCheckHandler,
    ExpireDiscountsJob,
    ExpireDiscountsTick,
    BulkIssueJob,
    // Gifts, notices, the client's codes and the cashier's check guard.
    SubscriptionGiftNotices,
    SubscriptionGiftState,
    BirthdayCandidates,
    NoticeFactsReader,
    CheckGuard,
    GrantSubscriptionGiftHandler,
    FollowSubscriptionHandler,
    GiveSubscriptionGiftHandler,
    SuspendSubscriptionGiftHandler,
    IssueBirthdayGiftsHandler,
    BirthdayGiftsJob,
    BirthdayTick,
    RewardReferralHandler,
    ReferralOnRedemptionHandler,
    QueueClientNoticesHandler,
    SendClientNoticeHandler,
    NotifyClientJob,
    ListClientCodesHandler,
    GetClientCodeHandler,
    RecordFailedCheckHandler,
    GetChecksPauseHandler,
    TellOwnersOfPauseHandler,
    RevokeCodesOfDeletedClientHandler,
  ],
})
export class DiscountsModule {}
