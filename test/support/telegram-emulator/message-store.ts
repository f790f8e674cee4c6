import type { ShownReplyKeyboard } from './reply-markup';
import type { EmulatedMessage } from './types';

export interface StoredMessage {
  botId: number;
  sentByBot: boolean;
  deleted: boolean;
  message: EmulatedMessage;
}

/**
 * The messages of each bot's chats, as the user sees them now (edits applied). Message ids run per
 * chat and are shared by both sides of it, as in Telegram.
 */
export class MessageStore {
  private readonly lastIds = new Map<string, number>();
  private readonly byKey = new Map<string, StoredMessage>();
  private readonly inOrder: StoredMessage[] = [];
  private readonly replyKeyboards = new Map<string, ShownReplyKeyboard>();

  nextMessageId(botId: number, chatId: number): number {
    const key = `${botId}:${chatId}`;
    const id = (this.lastIds.get(key) ?? 0) + 1;
    this.lastIds.set(key, id);
    return id;
  }

  save(botId: number, message: EmulatedMessage, sentByBot: boolean): void {
    const chatKey = `${botId}:${message.chat.id}`;
    if (message.message_id > (this.lastIds.get(chatKey) ?? 0)) this.lastIds.set(chatKey, message.message_id);
    const stored: StoredMessage = { botId, sentByBot, deleted: false, message };
    this.byKey.set(`${chatKey}:${message.message_id}`, stored);
    this.inOrder.push(stored);
  }

  find(botId: number, chatId: number, messageId: number): StoredMessage | undefined {
    const stored = this.byKey.get(`${botId}:${chatId}:${messageId}`);
    return stored && !stored.deleted ? stored : undefined;
  }

  replace(botId: number, message: EmulatedMessage): void {
    const stored = this.find(botId, message.chat.id, message.message_id);
    if (stored) stored.message = message;
  }

  delete(botId: number, chatId: number, messageId: number): boolean {
    const stored = this.find(botId, chatId, messageId);
    if (stored) stored.deleted = true;
    return stored !== undefined;
  }

  /** The bot's messages in a chat, oldest first, optionally of one bot only. */
  sentTo(chatId: number, botId?: number): EmulatedMessage[] {
    return this.inOrder
      .filter((s) => s.sentByBot && !s.deleted && s.message.chat.id === chatId)
      .filter((s) => botId === undefined || s.botId === botId)
      .map((s) => s.message);
  }

  /** Both sides of a bot's chat as the user sees it now, oldest first (deleted messages gone). */
  conversation(botId: number, chatId: number): StoredMessage[] {
    return this.inOrder.filter((s) => !s.deleted && s.botId === botId && s.message.chat.id === chatId);
  }

  /** Remembers the reply keyboard a bot's message set (a keyboard) or removed (null) in a chat. */
  setReplyKeyboard(botId: number, chatId: number, keyboard: ShownReplyKeyboard | null): void {
    if (keyboard === null) this.replyKeyboards.delete(`${botId}:${chatId}`);
    else this.replyKeyboards.set(`${botId}:${chatId}`, keyboard);
  }

  /** The reply keyboard the user sees under the input field of the bot's chat, if any. */
  replyKeyboard(botId: number, chatId: number): ShownReplyKeyboard | undefined {
    return this.replyKeyboards.get(`${botId}:${chatId}`);
  }

  /** Forgets the messages (ids keep growing, as chat history does). */
  clear(): void {
    this.byKey.clear();
    this.inOrder.length = 0;
    this.replyKeyboards.clear();
  }
}
