import type { User, UserFromGetMe } from 'telegraf/types';

export interface BotProfile {
  username?: string;
  firstName?: string;
}

const TOKEN_FORMAT = /^(\d+):[A-Za-z0-9_-]+$/;

/** The bots the emulator answers for: any well-formed token is a bot, with id = its numeric prefix. */
export class BotRegistry {
  private readonly profiles = new Map<string, BotProfile>();

  register(token: string, profile: BotProfile): void {
    this.profiles.set(token, { ...this.profiles.get(token), ...profile });
  }

  /** What getMe answers for the token, or undefined when Telegram would say 401 Unauthorized. */
  me(token: string): UserFromGetMe | undefined {
    const match = TOKEN_FORMAT.exec(token);
    if (!match) return undefined;
    const id = Number(match[1]);
    const profile = this.profiles.get(token) ?? {};
    return {
      id,
      is_bot: true,
      first_name: profile.firstName ?? `Bot ${id}`,
      username: profile.username ?? `bot${id}`,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
    };
  }
}

/** The bot as it appears in the `from` of its messages. */
export function botAsSender(me: UserFromGetMe): User {
  return { id: me.id, is_bot: true, first_name: me.first_name, username: me.username };
}
