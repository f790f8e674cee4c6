import type { Update } from 'telegraf/types';

/** Update types Telegram sends only to bots that list them in allowed_updates. */
const OPT_IN_TYPES = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

/** The kind of an update: the name of its one field besides update_id (`message`, `callback_query`...). */
export function updateTypeOf(update: Update): string {
  return Object.keys(update).find((key) => key !== 'update_id') ?? 'unknown';
}

/** Whether a bot with these allowed_updates receives an update of this type. */
export function isSubscribed(type: string, allowedUpdates: readonly string[] | undefined): boolean {
  return allowedUpdates && allowedUpdates.length > 0
    ? allowedUpdates.includes(type)
    : !OPT_IN_TYPES.has(type);
}

/** Each bot's allowed_updates, shared by setWebhook and getUpdates as in Telegram. */
export class UpdateSubscriptions {
  private readonly allowed = new Map<string, string[]>();

  /** Applies an allowed_updates parameter: absent keeps the setting, an empty list restores the default. */
  apply(token: string, raw: unknown): void {
    if (!Array.isArray(raw)) return;
    const types = raw.filter((t): t is string => typeof t === 'string');
    if (types.length === 0) this.allowed.delete(token);
    else this.allowed.set(token, types);
  }

  of(token: string): string[] | undefined {
    return this.allowed.get(token);
  }

  receives(token: string, update: Update): boolean {
    return isSubscribed(updateTypeOf(update), this.allowed.get(token));
  }
}
