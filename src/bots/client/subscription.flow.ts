import { Injectable, Logger } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Context, Markup } from 'telegraf';
import type { ChatMember } from 'telegraf/types';
import { ErrorCode } from '../../common/errors/error-code';
import { ERROR_TEXTS_RU } from '../../common/errors/error-texts.ru';
import { AwaitSubscriptionGiftQuery } from '../../modules/gifts/queries/await-subscription-gift.query';
import { expiryText } from '../../modules/codes/domain/shop-time-text';
import { GetSettingQuery } from '../../modules/settings/queries/get-setting.query';
import {
  SetSubscriptionCommand,
  SubscriptionChange,
} from '../../modules/users/commands/set-subscription.command';
import { isChannelMember, isShopChannel } from '../../modules/users/domain/channel-membership';
import { CLIENT_BUTTONS } from './client-menu';
import { ClientRegistry } from './client-registry';
import { ClientReplies } from './client-replies';
import { CLIENT_TEXTS } from './client-texts';

/**
 * Subscription to the shop's channel. «📢 Подписаться» shows the link and «Я подписался»; the press asks
 * Telegram (getChatMember) and records the answer with SetSubscriptionCommand, which publishes
 * UserSubscribed once per transition. The first subscription's reply shows the subscription gift's code:
 * the gifts module's UserSubscribed listener issues it (the one writer), and this flow reads the result
 * (AwaitSubscriptionGiftQuery) and words the answer.
 * `chat_member` updates of the channel keep the flag true to the channel (the gift follows it).
 */
@Injectable()
export class SubscriptionFlow {
  private readonly logger = new Logger(SubscriptionFlow.name);

  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly registry: ClientRegistry,
    private readonly replies: ClientReplies,
  ) {}

  /** The invitation: `subscribe_prompt` with the link, «📢 Открыть канал» and «Я подписался». */
  async invite(ctx: Context): Promise<void> {
    await this.withLink(ctx, 'subscribe_prompt');
  }

  /** «Я подписался»: what the channel says decides; a Telegram failure is told kindly, never thrown. */
  async check(ctx: Context, userId: number, telegramId: number): Promise<void> {
    await this.replies.acknowledge(ctx);
    const member = await this.memberOfChannel(ctx, telegramId);
    if (member === 'unavailable') {
      await this.replies.text(ctx, ERROR_TEXTS_RU[ErrorCode.TELEGRAM_UNAVAILABLE]);
      return;
    }
    const subscribed = isChannelMember(member);
    const change = await this.commands.execute(new SetSubscriptionCommand(userId, subscribed, 'button'));
    if (subscribed) await this.confirmed(ctx, userId, change);
    else await this.withLink(ctx, 'subscribe_missing');
  }

  /**
   * A `chat_member` update: someone joined, left or was removed. Only the shop's channel counts, and only
   * people who are clients; anything else is ignored.
   */
  async memberChanged(ctx: Context): Promise<void> {
    const update = ctx.chatMember;
    if (!update) return;
    const channel = await this.queries.execute(new GetSettingQuery('channel.chat_id'));
    const chat = update.chat as { id: number; username?: string };
    if (!isShopChannel(channel, chat)) return;
    const person = update.new_chat_member.user;
    if (person.is_bot) return;
    const client = await this.registry.find(person.id);
    if (!client) return;
    const subscribed = isChannelMember(update.new_chat_member);
    const change = await this.commands.execute(
      new SetSubscriptionCommand(client.userId, subscribed, 'channel'),
    );
    this.logger.log(
      { userId: client.userId, subscribed, changed: change.changed },
      'The channel reported a member change',
    );
  }

  /**
   * A confirmed subscription. The first one is answered with the gift's code (`subscribe_success`), or a
   * plain thanks when no gift is configured or none could be issued; a client already subscribed, or coming
   * back, hears that the gift is given once.
   */
  private async confirmed(ctx: Context, userId: number, change: SubscriptionChange): Promise<void> {
    if (!change.firstTime) {
      await this.replies.template(ctx, 'subscribe_already', {});
      return;
    }
    const gift = await this.queries.execute(new AwaitSubscriptionGiftQuery(userId));
    if (!gift) {
      await this.replies.text(ctx, CLIENT_TEXTS.subscriptionConfirmed);
      return;
    }
    const timezone = await this.queries.execute(new GetSettingQuery('shop.timezone'));
    await this.replies.template(ctx, 'subscribe_success', {
      first_name: ctx.from?.first_name ?? '',
      code: gift.discount.code,
      value: gift.discount.valueText,
      expires_at: expiryText(gift.discount.expiresAt, timezone),
    });
  }

  private async withLink(ctx: Context, key: 'subscribe_prompt' | 'subscribe_missing'): Promise<void> {
    const url = await this.queries.execute(new GetSettingQuery('channel.url'));
    await this.replies.template(
      ctx,
      key,
      { channel_url: url },
      Markup.inlineKeyboard([
        [Markup.button.url(CLIENT_TEXTS.channelButton, url)],
        [Markup.button.callback(CLIENT_TEXTS.subscribedButton, CLIENT_BUTTONS.checkSubscription)],
      ]),
    );
  }

  private async memberOfChannel(ctx: Context, telegramId: number): Promise<ChatMember | 'unavailable'> {
    const channel = await this.queries.execute(new GetSettingQuery('channel.chat_id'));
    try {
      return await ctx.telegram.getChatMember(channel, telegramId);
    } catch (error) {
      // Telegram down, a timeout, or the bot is not in the channel ("chat not found"): not the client's fault.
      this.logger.warn({ err: error, channel }, 'Could not ask Telegram about a channel member');
      return 'unavailable';
    }
  }
}
