import { Logger } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Action, Command, Ctx, Next, On, Start, Update, Use } from 'nestjs-telegraf';
import { Context } from 'telegraf';
import { ConversationStore } from '../../infrastructure/telegram/conversation-store';
import { GetSettingQuery } from '../../modules/settings/queries/get-setting.query';
import { MarkClientBlockedCommand } from '../../modules/users/commands/mark-client-blocked.command';
import { BirthdayFlow, ClientConversation } from './birthday.flow';
import { isBlockedByClient } from './blocked-client';
import { CLIENT_BUTTONS, MenuChoice, menuChoice } from './client-menu';
import { ClientRegistry } from './client-registry';
import { ClientReplies } from './client-replies';
import { CLIENT_TEXTS } from './client-texts';
import { MyDiscountsDesk, SHOW_QR_BUTTON } from './my-discounts.desk';
import { SubscriptionFlow } from './subscription.flow';

/**
 * The client bot's routes, in the order telegraf tries them. Every message and button press is a visit
 * (ClientRegistry: registration, names, last activity, reactivation); the menu buttons always win over a
 * dialog in progress. Handlers return nothing: nestjs-telegraf would send a returned value as a message.
 */
@Update()
export class ClientBotUpdate {
  private readonly logger = new Logger('client-bot');

  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly conversations: ConversationStore,
    private readonly registry: ClientRegistry,
    private readonly replies: ClientReplies,
    private readonly subscription: SubscriptionFlow,
    private readonly birthday: BirthdayFlow,
    private readonly myDiscounts: MyDiscountsDesk,
  ) {}

  /**
   * Private chats only (added to a group, the bot stays silent there; channel membership updates pass).
   * A reply that Telegram refuses with 403 means the client blocked the bot: they are marked `blocked`
   * and the update ends quietly, as there is no one to tell.
   */
  @Use()
  async guard(@Ctx() ctx: Context, @Next() next: () => Promise<void>): Promise<void> {
    const membership = ctx.chatMember !== undefined || ctx.myChatMember !== undefined;
    if (ctx.chat && ctx.chat.type !== 'private' && !membership) return;
    try {
      await next();
    } catch (error) {
      const telegramId = ctx.from?.id;
      if (telegramId === undefined || !isBlockedByClient(error, telegramId)) throw error;
      const { userId } = await this.commands.execute(new MarkClientBlockedCommand(telegramId));
      this.logger.log({ userId, updateId: ctx.update.update_id }, 'The client has blocked the bot');
    }
  }

  @Start()
  async start(@Ctx() ctx: Context): Promise<void> {
    const visit = await this.registry.visit(ctx, startPayload(ctx.text));
    if (!visit || !ctx.from) return;
    await this.conversations.clear('client', ctx.from.id);
    await this.replies.withMenu(ctx, 'welcome', { first_name: ctx.from.first_name });
  }

  @Command('cancel')
  async cancel(@Ctx() ctx: Context): Promise<void> {
    const visit = await this.registry.visit(ctx);
    if (!visit || !ctx.from) return;
    const conversation = await this.conversations.get<ClientConversation>('client', ctx.from.id);
    await this.conversations.clear('client', ctx.from.id);
    await this.replies.text(ctx, conversation ? CLIENT_TEXTS.cancelled : CLIENT_TEXTS.nothingToCancel);
  }

  @Action(CLIENT_BUTTONS.checkSubscription)
  async checkSubscription(@Ctx() ctx: Context): Promise<void> {
    const visit = await this.registry.visit(ctx);
    if (visit && ctx.from) await this.subscription.check(ctx, visit.userId, ctx.from.id);
  }

  @Action(CLIENT_BUTTONS.birthdayYes)
  async birthdayYes(@Ctx() ctx: Context): Promise<void> {
    if (await this.registry.visit(ctx)) await this.answerBirthday(ctx, true);
  }

  @Action(CLIENT_BUTTONS.birthdayNo)
  async birthdayNo(@Ctx() ctx: Context): Promise<void> {
    if (await this.registry.visit(ctx)) await this.answerBirthday(ctx, false);
  }

  /** «Показать QR» under «Мои скидки». */
  @Action(SHOW_QR_BUTTON)
  async showQr(@Ctx() ctx: Context): Promise<void> {
    const visit = await this.registry.visit(ctx);
    const query = ctx.callbackQuery;
    if (visit && query && 'data' in query) await this.myDiscounts.showQr(ctx, visit.userId, query.data);
  }

  /** Any other button: an old keyboard, or data we never sent. */
  @On('callback_query')
  async staleButton(@Ctx() ctx: Context): Promise<void> {
    await this.replies.acknowledge(ctx, CLIENT_TEXTS.staleButton);
  }

  /** Someone joined or left a channel the bot administers. */
  @On('chat_member')
  async channelMember(@Ctx() ctx: Context): Promise<void> {
    await this.subscription.memberChanged(ctx);
  }

  /** The client blocked the bot (`kicked`) or unblocked it (`member`) in their private chat. */
  @On('my_chat_member')
  async botMembership(@Ctx() ctx: Context): Promise<void> {
    const update = ctx.myChatMember;
    if (!update || update.chat.type !== 'private') return;
    const status = update.new_chat_member.status;
    if (status === 'kicked') {
      const { userId } = await this.commands.execute(new MarkClientBlockedCommand(update.from.id));
      this.logger.log({ userId }, 'The client has blocked the bot');
    } else if (status === 'member' && (await this.registry.find(update.from.id))?.status === 'blocked') {
      // Unblocked: active again at once. A stranger is not registered here: their /start, with its
      // payload (source, invitation), follows.
      await this.registry.visit(ctx);
    }
  }

  @On('text')
  async text(@Ctx() ctx: Context): Promise<void> {
    const visit = await this.registry.visit(ctx);
    if (!visit || !ctx.from) return;
    const chatId = ctx.from.id;
    const text = ctx.text ?? '';
    const choice = menuChoice(text);
    if (choice) {
      await this.conversations.clear('client', chatId);
      return this.menu(ctx, choice, visit.userId);
    }
    const conversation = await this.conversations.get<ClientConversation>('client', chatId);
    if (!text.startsWith('/') && this.birthday.isWaiting(conversation)) {
      const answer = yesOrNo(text);
      if (conversation.step === 'birthday_confirm' && answer !== null) {
        return this.answerBirthday(ctx, answer);
      }
      return this.birthday.acceptDate(ctx, chatId, text);
    }
    await this.replies.withMenu(ctx, 'fallback', {});
  }

  /** Stickers, photos, voice messages and the like. */
  @On('message')
  async otherMessage(@Ctx() ctx: Context): Promise<void> {
    const visit = await this.registry.visit(ctx);
    if (!visit || !ctx.from) return;
    const conversation = await this.conversations.get<ClientConversation>('client', ctx.from.id);
    if (this.birthday.isWaiting(conversation)) await this.replies.text(ctx, CLIENT_TEXTS.birthdayAsText);
    else await this.replies.withMenu(ctx, 'fallback', {});
  }

  private async menu(ctx: Context, choice: MenuChoice, userId: number): Promise<void> {
    switch (choice) {
      case 'discounts':
        return this.myDiscounts.show(ctx, userId);
      case 'subscribe':
        return this.subscription.invite(ctx);
      case 'birthday': {
        const client = ctx.from ? await this.registry.find(ctx.from.id) : null;
        if (client && ctx.from) await this.birthday.begin(ctx, ctx.from.id, client);
        return;
      }
      case 'help': {
        const contacts = await this.queries.execute(new GetSettingQuery('shop.contacts'));
        return this.replies.withMenu(ctx, 'help', { contacts });
      }
    }
  }

  /** «Да» / «Нет» pressed or typed, after the visit was recorded. */
  private async answerBirthday(ctx: Context, yes: boolean): Promise<void> {
    const client = ctx.from ? await this.registry.find(ctx.from.id) : null;
    if (client && ctx.from) await this.birthday.confirm(ctx, ctx.from.id, client, yes);
  }
}

/** `/start ref_abc` => `ref_abc`; a bare `/start` => null. */
function startPayload(text: string | undefined): string | null {
  const payload = (text ?? '').replace(/^\/start(@\w+)?/i, '').trim();
  return payload || null;
}

/** A typed answer to the confirmation: да / нет (any case, with or without punctuation), else null. */
function yesOrNo(text: string): boolean | null {
  const word = text
    .trim()
    .toLowerCase()
    .replace(/[!.]+$/u, '');
  if (['да', 'ага', 'верно', 'yes'].includes(word)) return true;
  if (['нет', 'не', 'no'].includes(word)) return false;
  return null;
}
