import { TelegramError } from 'telegraf';

/**
 * Whether a failed Bot API call means the client has blocked the bot (or deleted their account): a 403
 * answer to a call addressed to the client's own chat. A 403 about anything else (the bot removed from
 * the channel) says nothing about the client.
 */
export function isBlockedByClient(error: unknown, telegramId: number): boolean {
  if (!(error instanceof TelegramError) || error.code !== 403) return false;
  const payload = (error.on as { payload?: { chat_id?: unknown } } | undefined)?.payload;
  return payload?.chat_id !== undefined && String(payload.chat_id) === String(telegramId);
}
