import { TelegramError } from 'telegraf';
import { isBlockedByClient } from './blocked-client';

const error = (code: number, chatId?: number | string) =>
  new TelegramError(
    { error_code: code, description: code === 403 ? 'Forbidden: bot was blocked by the user' : 'x' },
    { method: 'sendMessage', payload: chatId === undefined ? {} : { chat_id: chatId } },
  );

describe('a client who blocked the bot', () => {
  it('is told by a 403 to a call addressed to their chat', () => {
    expect(isBlockedByClient(error(403, 42), 42)).toBe(true);
    expect(isBlockedByClient(error(403, '42'), 42)).toBe(true);
  });

  it('is not told by other errors, other chats, or calls without a chat', () => {
    expect(isBlockedByClient(error(400, 42), 42)).toBe(false);
    expect(isBlockedByClient(error(403, '@marmeladny_dvorik'), 42)).toBe(false);
    expect(isBlockedByClient(error(403), 42)).toBe(false);
    expect(isBlockedByClient(new Error('Forbidden'), 42)).toBe(false);
  });
});
