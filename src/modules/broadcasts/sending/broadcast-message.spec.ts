import { TelegramError } from 'telegraf';
import { classifyFailure } from '../domain/send-outcome';
import { failureOf } from '../../notices/domain/telegram-failure';

describe('failureOf', () => {
  it("reads Telegram's answer from telegraf's error", () => {
    const error = new TelegramError({
      error_code: 429,
      description: 'Too Many Requests: retry after 5',
      parameters: { retry_after: 5 },
    });
    expect(failureOf(error)).toEqual({
      telegramCode: 429,
      description: 'Too Many Requests: retry after 5',
      retryAfter: 5,
    });
  });

  it('reads the code of a transport error, so a refused connection is retried and a reset is not', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const aborted = Object.assign(new Error('The operation was aborted'), { name: 'AbortError' });
    expect(classifyFailure(failureOf(refused)).kind).toBe('retry');
    expect(classifyFailure(failureOf(reset)).kind).toBe('unknown');
    expect(classifyFailure(failureOf(aborted)).kind).toBe('unknown');
  });
});
