import type { Types } from 'telegraf';

/** The shop's two Telegram bots: clients talk to `client`, cashiers and admins to `staff`. */
export type BotName = 'client' | 'staff';

/**
 * The update types each bot asks Telegram for (setWebhook and getUpdates `allowed_updates`). Telegram sends
 * `chat_member` only to bots that ask for it, so the client bot can see clients leave the channel.
 */
export const ALLOWED_UPDATES: Readonly<Record<BotName, readonly Types.UpdateType[]>> = {
  client: ['message', 'callback_query', 'my_chat_member', 'chat_member'],
  staff: ['message', 'callback_query'],
};

/** Where Telegram delivers a bot's updates, under PUBLIC_URL: `/telegram/client`, `/telegram/staff`. */
export function webhookPath(bot: BotName): string {
  return `/telegram/${bot}`;
}
