import { Logger } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { ClientTelegram } from '../../../infrastructure/telegram/telegram-senders';
import { AwaitSubscriptionGiftQuery } from '../../gifts/queries/await-subscription-gift.query';
import { GetSettingQuery } from '../../settings/queries/get-setting.query';
import { SetSubscriptionCommand } from '../../users/commands/set-subscription.command';
import { isChannelMember } from '../../users/domain/channel-membership';
import { miniAppClient } from '../queries/mini-app-client';

export interface SubscriptionCheck {
  subscribed: boolean;
  /** The subscription gift's code when this check was the first subscription and the card shows it. */
  giftCode: string | null;
}

/**
 * «Я подписался» on the card: as the bot's button, Telegram's getChatMember on the shop's channel decides,
 * SetSubscriptionCommand records it, the gifts module's UserSubscribed listener issues the gift (the one
 * writer), and the card reads the result (AwaitSubscriptionGiftQuery), as the bot's reply does. A Telegram failure
 * is TELEGRAM_UNAVAILABLE.
 */
export class CheckCardSubscriptionCommand extends Command<SubscriptionCheck> {
  constructor(readonly telegramId: number) {
    super();
  }
}

@CommandHandler(CheckCardSubscriptionCommand)
export class CheckCardSubscriptionHandler implements ICommandHandler<
  CheckCardSubscriptionCommand,
  SubscriptionCheck
> {
  private readonly logger = new Logger(CheckCardSubscriptionHandler.name);

  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly telegram: ClientTelegram,
  ) {}

  async execute({ telegramId }: CheckCardSubscriptionCommand): Promise<SubscriptionCheck> {
    const client = await miniAppClient(this.queries, telegramId);
    const channel = await this.queries.execute(new GetSettingQuery('channel.chat_id'));
    let subscribed: boolean;
    try {
      subscribed = isChannelMember(await this.telegram.getChatMember(channel, telegramId));
    } catch (error) {
      this.logger.warn({ err: error, channel }, 'Could not ask Telegram about a channel member');
      throw new DomainError(ErrorCode.TELEGRAM_UNAVAILABLE, 'Telegram did not answer getChatMember');
    }
    const change = await this.commands.execute(
      new SetSubscriptionCommand(client.userId, subscribed, 'button'),
    );
    if (!subscribed || !change.firstTime) return { subscribed, giftCode: null };
    const gift = await this.queries.execute(new AwaitSubscriptionGiftQuery(client.userId));
    return { subscribed, giftCode: gift?.discount.code ?? null };
  }
}
