import type { Update, UserFromGetMe } from 'telegraf/types';
import { BotRegistry } from './bot-registry';
import { ChangeFeed } from './change-feed';
import { ChatMemberBook } from './chat-members';
import { Directory } from './directory';
import { FileStore } from './file-store';
import { MessageStore } from './message-store';
import type { EmulatedMessage } from './types';
import { UpdateQueue } from './update-queue';
import { UpdateSubscriptions } from './update-types';
import { WebhookRegistry } from './webhooks';

/** What Telegram would know about the bots, their chats and their users. */
export class EmulatorState {
  readonly bots = new BotRegistry();
  readonly directory = new Directory();
  readonly messages = new MessageStore();
  readonly files = new FileStore();
  readonly members = new ChatMemberBook();
  readonly webhooks = new WebhookRegistry();
  readonly subscriptions = new UpdateSubscriptions();
  readonly updates = new UpdateQueue();
  /** Grows with every change a user would see; the sandbox page waits on it. */
  readonly changes = new ChangeFeed();
  /** Callback queries delivered and not answered yet: answerCallbackQuery accepts only these. */
  readonly openCallbackQueries = new Set<string>();
  /** setMyCommands lists, by token and scope. */
  readonly commands = new Map<string, unknown[]>();
  /** setChatMenuButton buttons, by token and chat ('default' for the bot's own). */
  readonly menuButtons = new Map<string, unknown>();
  private lastUpdateId = 100_000_000;
  private lastCallbackQueryId = 4_000_000_000_000_000_000n;

  get latestUpdateId(): number {
    return this.lastUpdateId;
  }

  nextUpdateId(): number {
    return ++this.lastUpdateId;
  }

  nextCallbackQueryId(): string {
    return String(++this.lastCallbackQueryId);
  }

  /** Learns from an update on its way to a bot: its users, chats, messages and callback query ids. */
  observe(bot: UserFromGetMe, update: Update): void {
    this.lastUpdateId = Math.max(this.lastUpdateId, update.update_id);
    if ('message' in update) {
      // The flat shape keeps only what the emulator reads back (chat, id, content) for copyMessage.
      const message = update.message as EmulatedMessage;
      if (message.from) this.directory.rememberUser(message.from);
      if (!this.messages.find(bot.id, message.chat.id, message.message_id)) {
        this.messages.save(bot.id, message, false);
      }
    }
    if ('callback_query' in update) {
      this.directory.rememberUser(update.callback_query.from);
      this.openCallbackQueries.add(update.callback_query.id);
    }
    if ('chat_member' in update) this.directory.rememberChat(update.chat_member.chat);
    if ('my_chat_member' in update) this.directory.rememberChat(update.my_chat_member.chat);
  }
}
