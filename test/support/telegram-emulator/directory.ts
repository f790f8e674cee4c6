import type { Chat, User } from 'telegraf/types';
import { compact } from './compact';
import type { ChatRef, FakeUser } from './types';

/** Ids at or below this are supergroups and channels (`-100...`), as Telegram numbers them. */
const CHANNEL_ID_LIMIT = -1_000_000_000_000;

/** The users and chats the emulator knows, so that the objects it returns carry their names. */
export class Directory {
  private readonly users = new Map<number, FakeUser>();
  private readonly chats = new Map<number, Chat>();
  private readonly usernames = new Map<string, number>();
  private nextSyntheticChannelId = CHANNEL_ID_LIMIT - 1_000_001;

  rememberUser(user: FakeUser | User): void {
    const { id, first_name, last_name, username, language_code } = user;
    this.users.set(id, { id, first_name, last_name, username, language_code });
  }

  /** A user as Telegram describes one; unknown ids get a placeholder name. */
  user(id: number): User {
    const known = this.users.get(id);
    return compact({
      id,
      is_bot: false,
      first_name: known?.first_name ?? `User ${id}`,
      last_name: known?.last_name,
      username: known?.username,
      language_code: known?.language_code,
    });
  }

  rememberChat(chat: Chat): void {
    if (chat.type === 'private') return;
    this.chats.set(chat.id, chat);
    if ('username' in chat && chat.username) this.usernames.set(chat.username.toLowerCase(), chat.id);
  }

  /**
   * The chat a `chat_id` parameter names: a numeric id, or the `@username` of a channel (an unknown
   * username becomes a channel with a made-up id). Undefined when Telegram would say "chat not found".
   */
  resolve(ref: ChatRef): Chat | undefined {
    if (typeof ref === 'string' && ref.startsWith('@')) return this.channelByUsername(ref.slice(1));
    const id = typeof ref === 'number' ? ref : /^-?\d+$/.test(ref.trim()) ? Number(ref) : NaN;
    if (!Number.isSafeInteger(id) || id === 0) return undefined;
    if (id > 0) return this.privateChat(id);
    const known = this.chats.get(id);
    if (known) return known;
    return id <= CHANNEL_ID_LIMIT
      ? { id, type: 'supergroup', title: `Chat ${id}` }
      : { id, type: 'group', title: `Group ${id}` };
  }

  private privateChat(id: number): Chat.PrivateChat {
    const user = this.user(id);
    return compact({
      id,
      type: 'private' as const,
      first_name: user.first_name,
      last_name: user.last_name,
      username: user.username,
    });
  }

  private channelByUsername(username: string): Chat | undefined {
    if (!/^[A-Za-z][A-Za-z0-9_]{3,}$/.test(username)) return undefined;
    const id = this.usernames.get(username.toLowerCase());
    if (id !== undefined) return this.chats.get(id);
    const channel: Chat.ChannelChat = {
      id: this.nextSyntheticChannelId--,
      type: 'channel',
      title: username,
      username,
    };
    this.rememberChat(channel);
    return channel;
  }
}
