import { Logger } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { GetSettingQuery } from '../../settings/queries/get-setting.query';
import { ONCE } from '../../codes/domain/period-key';
import { SubscriptionGiftNotices } from '../persistence/subscription-gift-notices';
import { DiscountView } from '../../codes/queries/discount-view';
import { FollowSubscriptionCommand } from '../../codes/commands/follow-subscription.command';
import { IssueDiscountCommand } from '../../codes/commands/issue-discount.command';

export interface SubscriptionGift {
  discount: DiscountView;
  /**
   * The caller replying to the client shows the code: the announcement job will not. False when the job had
   * claimed it first (then the code arrives in its own message), and always for a caller not replying.
   */
  showInReply: boolean;
}

/**
 * The subscription gift: the template of `subscription.template_id` issued once per client ever (period key
 * `once`), or null while the setting is null or the template cannot be issued (switched off, deleted).
 * Both the «Я подписался» reply (`replying`: it will show the code) and the UserSubscribed listener ask for it;
 * whoever comes second gets the same code. A gift issued to a client who has already left the channel again
 * is suspended at once.
 */
export class GrantSubscriptionGiftCommand extends Command<SubscriptionGift | null> {
  constructor(
    readonly userId: number,
    readonly replying = false,
  ) {
    super();
  }
}

/** Where an issued code is announced, for the claim of SubscriptionGiftNotices. */
export const REPLY_OWNER = 'reply';

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
    private readonly notices: SubscriptionGiftNotices,
  ) {}

  async execute({ userId, replying }: GrantSubscriptionGiftCommand): Promise<SubscriptionGift | null> {
    const templateId = await this.queries.execute(new GetSettingQuery('subscription.template_id'));
    if (templateId === null) return null;
    // Claimed before the INSERT, so the reply is ahead of the announcement job (see SubscriptionGiftNotices).
    const showInReply = replying ? await this.notices.claim(userId, REPLY_OWNER) : false;
    try {
      const { discount } = await this.commands.execute(
        new IssueDiscountCommand({ userId, templateId, reason: 'subscription', periodKey: ONCE }),
      );
      await this.commands.execute(new FollowSubscriptionCommand(userId));
      return { discount, showInReply };
    } catch (error) {
      if (!(error instanceof DomainError) || !NO_GIFT.has(error.code)) throw error;
      this.logger.warn({ userId, templateId, code: error.code }, 'No subscription gift: ' + error.message);
      return null;
    }
  }
}
