import type { Chat, UserFromGetMe } from 'telegraf/types';
import type { CallLog } from '../call-log';
import type { DeliveryResult } from '../delivery';
import type { EmulatorState } from '../emulator-state';
import type { FaultInjector } from '../fault-injector';
import type { FakeUser } from '../types';
import type { UserActions } from '../user-actions';
import { toSandboxMessage } from './chat-view';
import type {
  SandboxBot,
  SandboxCast,
  SandboxChat,
  SandboxPerson,
  SandboxPressResult,
  SandboxSendResult,
} from './sandbox-types';

/** A bot as whoever starts the emulator names it: by token, which stays on the server. */
export interface SandboxBotConfig {
  token: string;
  role: SandboxBot['role'];
  title: string;
  username?: string;
}

export interface SandboxConfig {
  bots?: SandboxBotConfig[];
  people?: SandboxPerson[];
  channel?: string | null;
}

/** How long a page's wait for the next change is held open. */
const LONG_POLL_MS = 20_000;

/**
 * The browser sandbox's view of the emulator: one person's chat with one bot, built on the emulator's own
 * message store, chat members, blocks and update delivery. What the page does goes through UserActions,
 * exactly as a test would drive the bot.
 */
export class Sandbox {
  private bots: SandboxBotConfig[] = [];
  private people: SandboxPerson[] = [];
  private channel: string | null = null;

  constructor(
    private readonly state: EmulatorState,
    private readonly users: UserActions,
    private readonly log: CallLog,
    private readonly faults: FaultInjector,
  ) {}

  configure(config: SandboxConfig): void {
    if (config.bots) {
      this.bots = config.bots;
      for (const bot of config.bots) {
        this.state.bots.register(bot.token, { username: bot.username, firstName: bot.title });
      }
    }
    if (config.people) this.people = config.people;
    if (config.channel !== undefined) this.channel = config.channel;
    this.state.changes.bump();
  }

  cast(): SandboxCast {
    return {
      bots: this.bots.map((b) => {
        const me = this.me(b.token);
        return { id: me.id, username: me.username, title: b.title, role: b.role };
      }),
      people: this.people,
      channel: this.channel,
    };
  }

  async chat(botId: number, userId: number, since: number, signal?: AbortSignal): Promise<SandboxChat> {
    const version = await this.state.changes.after(since, LONG_POLL_MS, signal);
    const bot = this.bot(botId);
    const channel = this.channelChat();
    const status = channel ? this.state.members.status(channel.id, userId) : undefined;
    return {
      version,
      messages: this.state.messages.conversation(botId, userId).map(toSandboxMessage),
      replyKeyboard: this.state.messages.replyKeyboard(botId, userId)?.rows ?? null,
      member: channel ? status === 'member' || status === 'administrator' || status === 'creator' : null,
      blocked: this.faults.isBlocked(userId, bot.token),
    };
  }

  async send(botId: number, user: FakeUser, text: string): Promise<SandboxSendResult> {
    const bot = this.bot(botId);
    const keyboard = this.state.messages.replyKeyboard(botId, user.id);
    if (keyboard?.oneTime && keyboard.rows.flat().includes(text))
      this.state.messages.setReplyKeyboard(botId, user.id, null);
    return { problem: problemOf(await this.users.sendText(bot.token, user, text)) };
  }

  async press(botId: number, user: FakeUser, messageId: number, data: string): Promise<SandboxPressResult> {
    const bot = this.bot(botId);
    const stored = this.state.messages.find(botId, user.id, messageId);
    if (!stored) return { answer: null, problem: 'Этого сообщения уже нет.' };
    const result = await this.users.pressButton(bot.token, user, data, stored.message);
    const queryId = 'callback_query' in result.update ? result.update.callback_query.id : undefined;
    const answered = this.log.all.find(
      (c) => c.method === 'answerCallbackQuery' && c.params.callback_query_id === queryId,
    );
    const text = answered?.params.text;
    return {
      answer:
        typeof text === 'string' && text !== ''
          ? { text, alert: answered?.params.show_alert === true || answered?.params.show_alert === 'true' }
          : null,
      problem: problemOf(result),
    };
  }

  /** Joins or leaves the shop's channel: a chat_member update to the bot, and getChatMember agrees. */
  async setMembership(botId: number, user: FakeUser, member: boolean): Promise<SandboxSendResult> {
    const bot = this.bot(botId);
    const channel = this.channelChat();
    if (!channel) return { problem: 'Канал магазина неизвестен эмулятору.' };
    const before = this.state.members.status(channel.id, user.id) ?? 'left';
    const after = member ? 'member' : 'left';
    const result = await this.users.chatMemberUpdate(
      bot.token,
      {
        id: channel.id,
        username: 'username' in channel ? channel.username : undefined,
        title: channelTitle(channel),
      },
      user,
      before,
      after,
    );
    // A bot that did not ask for chat_member updates still sees the new status through getChatMember.
    return { problem: result.route === 'filtered' ? null : problemOf(result) };
  }

  async block(botId: number, user: FakeUser, blocked: boolean): Promise<SandboxSendResult> {
    const bot = this.bot(botId);
    return { problem: problemOf(await this.users.blockBot(bot.token, user, blocked)) };
  }

  /** The bytes of a file a bot uploaded (a QR code), for the page's <img>. */
  file(fileId: string): { bytes: Buffer; mimeType: string } | undefined {
    const file = this.state.files.byId(fileId);
    if (!file?.bytes) return undefined;
    return { bytes: file.bytes, mimeType: file.mimeType ?? 'image/png' };
  }

  private bot(botId: number): SandboxBotConfig {
    const bot = this.bots.find((b) => this.me(b.token).id === botId);
    if (!bot) throw new Error(`bot ${botId} is not in the sandbox`);
    return bot;
  }

  private me(token: string): UserFromGetMe {
    const me = this.state.bots.me(token);
    if (!me) throw new Error('a sandbox bot has a malformed token');
    return me;
  }

  private channelChat(): Chat | undefined {
    return this.channel ? this.state.directory.resolve(this.channel) : undefined;
  }
}

function channelTitle(chat: Chat): string | undefined {
  return 'title' in chat ? chat.title : undefined;
}

/** Why an update did not reach the bot, in the page's words; null when the bot took it. */
function problemOf(result: DeliveryResult): string | null {
  if (result.route === 'queue') return null;
  if (result.route === 'filtered') return 'Бот не подписан на такие события.';
  if (result.status === 0) return `Бот недоступен: ${result.body}`;
  if (result.status !== null && result.status >= 300) return `Бот ответил ошибкой HTTP ${result.status}.`;
  return null;
}
