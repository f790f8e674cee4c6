import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BulkIssueDiscountsHandler, StartBulkIssueHandler } from './commands/bulk-issue.commands';
import { CheckDiscountHandler } from './commands/check-discount.command';
import {
  CreateTemplateHandler,
  DeleteTemplateHandler,
  UpdateTemplateHandler,
} from './commands/discount-template.commands';
import { ExpireDiscountsHandler } from './commands/expire-discounts.command';
import { FollowSubscriptionHandler } from './commands/follow-subscription.command';
import { IssueDiscountHandler } from './commands/issue-discount.command';
import { RedeemDiscountHandler } from './commands/redeem-discount.command';
import { RevokeDiscountHandler } from './commands/revoke-discount.command';
import { DiscountMetricsHandler } from './events/discount-metrics.handler';
import { RevokeCodesOfDeletedClientConsumer } from './events/revoke-codes-of-deleted-client.consumer';
import { BulkDiscountsController } from './http/bulk-discounts.controller';
import { DiscountTemplatesController } from './http/discount-templates.controller';
import { DiscountsController } from './http/discounts.controller';
import { PosDiscountsController } from './http/pos-discounts.controller';
import { BulkIssueJob } from './jobs/bulk-issue.job';
import { ExpireDiscountsJob } from './jobs/expire-discounts.job';
import { ExpireDiscountsTick } from './jobs/expire-discounts.tick';
import { CodeCards } from './persistence/code-cards';
import { DiscountTemplate } from './persistence/discount-template.entity';
import { DiscountUsageLog } from './persistence/discount-usage-log.entity';
import { Discount } from './persistence/discount.entity';
import { RedemptionLedger } from './persistence/redemption-ledger';
import { SubscriptionGiftState } from './persistence/subscription-gift-state';
import { UsageJournal } from './persistence/usage-journal';
import { GetClientCodeHandler, ListClientCodesHandler } from './queries/client-codes.query';
import { GetDiscountHandler, ListDiscountsHandler } from './queries/list-discounts.query';
import { GetTemplateHandler, ListTemplatesHandler } from './queries/list-templates.query';
import { ListUsageHandler } from './queries/list-usage.query';

/**
 * Codes, the money core: discount templates; issue (IssueDiscountCommand, the one path of every code: manual,
 * bulk as a job, and the gifts module's gifts), check (CheckDiscountCommand), redeem (RedeemDiscountCommand)
 * from the staff bot, the till and the admin API; revoke, expire, suspend and restore a subscription code
 * (FollowSubscriptionCommand); the client's own codes. Other modules use its commands, queries, events
 * (DiscountIssuedEvent, DiscountRedeemedEvent) and domain types.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Discount, DiscountTemplate, DiscountUsageLog])],
  controllers: [
    DiscountTemplatesController,
    DiscountsController,
    BulkDiscountsController,
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
    FollowSubscriptionHandler,
    SubscriptionGiftState,
    ListTemplatesHandler,
    GetTemplateHandler,
    ListDiscountsHandler,
    GetDiscountHandler,
    ListUsageHandler,
    CheckDiscountHandler,
    ExpireDiscountsJob,
    ExpireDiscountsTick,
    BulkIssueJob,
    ListClientCodesHandler,
    GetClientCodeHandler,
    RevokeCodesOfDeletedClientConsumer,
  ],
})
export class CodesModule {}
