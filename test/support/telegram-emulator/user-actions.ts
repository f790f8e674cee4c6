import type { Chat, UserFromGetMe } from 'telegraf/types';
import { botAsSender } from './bot-registry';
import type { DeliveryResult, DeliveryTarget, UpdateDelivery } from './delivery';
import type { EmulatorState } from './emulator-state';
import type { FaultInjector } from './fault-injector';
import { callbackDataOf } from './reply-markup';
import type { ChatMemberStatus, EmulatedMessage, FakeUser } from './types';
import {
  asUser,
  callbackQueryUpdate,
  mediaMessage,
  memberUpdate,
  messageUpdate,
  privateChatOf,
  textMessage,
  type MessageBase,
} from './update-factory';

export interface MediaFromUser {
  /** A file_id of the user's file; a new one is made up when omitted. */
  fileId?: string;
  caption?: string;
  /** The file's content (e.g. a PNG made by the test): getFile and the download give it back. */
  bytes?: Buffer;
}

/** A channel or group as a test names it for a chat_member update. */
export interface ChatDescription {
  id: number;
  title?: string;
  username?: string;
  type?: 'channel' | 'supergroup';
}

/** What users do in Telegram, turned into the updates Telegram would send the bot. */
export class UserActions {
  constructor(
    private readonly state: EmulatorState,
    private readonly delivery: UpdateDelivery,
    private readonly faults: FaultInjector,
  ) {}

  async sendText(
    token: string,
    from: FakeUser,
    text: string,
    target?: DeliveryTarget,
  ): Promise<DeliveryResult> {
    const message = textMessage(this.messageBase(token, from), text);
    return this.delivery.deliver(token, messageUpdate(this.state.nextUpdateId(), message), target);
  }

  async sendPhoto(
    token: string,
    from: FakeUser,
    media: MediaFromUser,
    target?: DeliveryTarget,
  ): Promise<DeliveryResult> {
    const file = this.state.files.fromUser('photo', media.fileId, media.bytes);
    const message = mediaMessage(
      this.messageBase(token, from),
      { photo: this.state.files.photoSizes(file) },
      media.caption,
    );
    return this.delivery.deliver(token, messageUpdate(this.state.nextUpdateId(), message), target);
  }

  async sendVideo(
    token: string,
    from: FakeUser,
    media: MediaFromUser & { duration?: number },
    target?: DeliveryTarget,
  ): Promise<DeliveryResult> {
    const file = this.state.files.fromUser('video', media.fileId);
    const video = this.state.files.video(file, { duration: media.duration });
    const message = mediaMessage(this.messageBase(token, from), { video }, media.caption);
    return this.delivery.deliver(token, messageUpdate(this.state.nextUpdateId(), message), target);
  }

  /**
   * Presses an inline button. By default on the last message the bot sent the user with an inline
   * keyboard, which must hold a button with this callback_data, as only existing buttons can be pressed.
   */
  async pressButton(
    token: string,
    from: FakeUser,
    callbackData: string,
    message?: EmulatedMessage,
    target?: DeliveryTarget,
  ): Promise<DeliveryResult> {
    const bot = this.bot(token);
    this.state.directory.rememberUser(from);
    const shown = message ?? this.messageWithButton(bot, from.id, callbackData);
    // The chat as Telegram knows it now: the bot may have written before the user's name was known.
    const pressedOn = { ...shown, chat: this.state.directory.resolve(shown.chat.id) ?? shown.chat };
    const update = callbackQueryUpdate(this.state.nextUpdateId(), {
      id: this.state.nextCallbackQueryId(),
      from,
      data: callbackData,
      message: pressedOn,
    });
    return this.delivery.deliver(token, update, target);
  }

  /** A `chat_member` update (the bot administers the chat), and the member's status changes accordingly. */
  async chatMemberUpdate(
    token: string,
    chat: ChatDescription,
    user: FakeUser,
    oldStatus: ChatMemberStatus,
    newStatus: ChatMemberStatus,
    target?: DeliveryTarget,
  ): Promise<DeliveryResult> {
    this.bot(token);
    const fullChat: Chat = {
      id: chat.id,
      type: chat.type ?? 'channel',
      title: chat.title ?? chat.username ?? `Channel ${chat.id}`,
      ...(chat.username ? { username: chat.username } : {}),
    };
    this.state.directory.rememberChat(fullChat);
    this.state.directory.rememberUser(user);
    this.state.members.set(chat.id, user.id, newStatus);
    const change = {
      chat: fullChat,
      actor: asUser(user),
      user: asUser(user),
      oldStatus,
      newStatus,
      date: now(),
    };
    return this.delivery.deliver(
      token,
      memberUpdate(this.state.nextUpdateId(), 'chat_member', change),
      target,
    );
  }

  /**
   * The user blocks (or unblocks) the bot: Telegram sends a `my_chat_member` update, and from then on
   * sends to the user fail with 403 (or work again).
   */
  async blockBot(
    token: string,
    from: FakeUser,
    blocked = true,
    target?: DeliveryTarget,
  ): Promise<DeliveryResult> {
    const bot = this.bot(token);
    this.state.directory.rememberUser(from);
    this.faults.blockBot(token, from.id, blocked);
    const change = {
      chat: privateChatOf(from),
      actor: asUser(from),
      user: botAsSender(bot),
      oldStatus: blocked ? ('member' as const) : ('kicked' as const),
      newStatus: blocked ? ('kicked' as const) : ('member' as const),
      date: now(),
    };
    return this.delivery.deliver(
      token,
      memberUpdate(this.state.nextUpdateId(), 'my_chat_member', change),
      target,
    );
  }

  private messageBase(token: string, from: FakeUser): MessageBase {
    const bot = this.bot(token);
    this.state.directory.rememberUser(from);
    return { messageId: this.state.messages.nextMessageId(bot.id, from.id), date: now(), from };
  }

  private messageWithButton(bot: UserFromGetMe, chatId: number, callbackData: string): EmulatedMessage {
    const withKeyboard = this.state.messages.sentTo(chatId, bot.id).filter((m) => m.reply_markup);
    const last = withKeyboard[withKeyboard.length - 1];
    if (!last)
      throw new Error(`@${bot.username} has sent no message with an inline keyboard to chat ${chatId}`);
    const buttons = callbackDataOf(last.reply_markup);
    if (!buttons.includes(callbackData)) {
      throw new Error(
        `The last keyboard @${bot.username} sent to chat ${chatId} (message ${last.message_id}) has no button ` +
          `"${callbackData}"; its buttons: ${JSON.stringify(buttons)}. Pass the message to press a button elsewhere.`,
      );
    }
    return last;
  }

  private bot(token: string): UserFromGetMe {
    const bot = this.state.bots.me(token);
    if (!bot)
      throw new Error(`"${token}" is not a bot token (expected digits, a colon and a secret: 123456:ABC)`);
    return bot;
  }
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}
