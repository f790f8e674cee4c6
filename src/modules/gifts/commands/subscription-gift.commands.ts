import { Logger } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { FollowSubscriptionCommand } from '../../codes/commands/follow-subscription.command';
import { IssueDiscountCommand } from '../../codes/commands/issue-discount.command';
import { ONCE } from '../../codes/domain/period-key';
import { DiscountView } from '../../codes/queries/discount-view';
import { GetSettingQuery } from '../../settings/queries/get-setting.query';

export interface SubscriptionGift {
  discount: DiscountView;
}

/**
 * The subscription gift: the template of `subscription.template_id` issued once per client ever (period key
 * `once`), or null while the setting is null or the template cannot be issued (switched off, deleted).
 * Its callers: the UserSubscribed listener (fast, for the reply) and the `gifts.subscription-gift` outbox
 * consumer (durable); the period key makes it one gift whichever runs first. `announce`: false when the bot's reply shows the code (a
 * «Я подписался» press), true for a join the channel reported (the notices module announces it then).
 * A gift issued to a client who has already left the channel again is suspended at once.
 */
export class GrantSubscriptionGiftCommand extends Command<SubscriptionGift | null> {
  constructor(
    readonly userId: number,
    readonly announce: boolean,
  ) {
    super();
  }
}

/** Template problems that mean "no gift now" rather than a failure. */
const NO_GIFT = new Set<ErrorCode>([
  ErrorCode.TEMPLATE_NOT_FOUND,
  ErrorCode.TEMPLATE_INACTIVE,
  ErrorCode.USER_NOT_FOUND,
  ErrorCode.USER_DELETED,
]);

@CommandHandler(GrantSubscriptionGiftCommand)
export class GrantSubscriptionGiftHandler implements ICommandHandler<
  GrantSubscriptionGiftCommand,
  SubscriptionGift | null
> {
  private readonly logger = new Logger(GrantSubscriptionGiftHandler.name);

  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  async execute({ userId, announce }: GrantSubscriptionGiftCommand): Promise<SubscriptionGift | null> {
    const templateId = await this.queries.execute(new GetSettingQuery('subscription.template_id'));
    if (templateId === null) return null;
    try {
      const { discount } = await this.commands.execute(
        new IssueDiscountCommand({ userId, templateId, reason: 'subscription', periodKey: ONCE, announce }),
      );
      await this.commands.execute(new FollowSubscriptionCommand(userId));
      return { discount };
    } catch (error) {
      if (!(error instanceof DomainError) || !NO_GIFT.has(error.code)) throw error;
      this.logger.warn({ userId, templateId, code: error.code }, 'No subscription gift: ' + error.message);
      return null;
    }
  }
}
