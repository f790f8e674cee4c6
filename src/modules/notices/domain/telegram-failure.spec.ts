import { failureOf, telegramVerdict } from './telegram-failure';

describe('telegram failure policy', () => {
  it.each([
    [{ telegramCode: 403, description: 'Forbidden: bot was blocked by the user' }, { kind: 'blocked' }],
    [{ telegramCode: 403, description: 'Forbidden: user is deactivated' }, { kind: 'blocked' }],
    [{ telegramCode: 400, description: 'Bad Request: chat not found' }, { kind: 'blocked' }],
    [{ telegramCode: 400, description: "Bad Request: can't parse entities" }, { kind: 'refused' }],
    [
      { telegramCode: 429, retryAfter: 7 },
      { kind: 'rateLimited', retryAfterSeconds: 7 },
    ],
    [{ telegramCode: 429 }, { kind: 'rateLimited', retryAfterSeconds: 1 }],
    [{ telegramCode: 502 }, { kind: 'retry' }],
    [{ transportCode: 'ECONNREFUSED' }, { kind: 'retry' }],
    [{ transportCode: 'ECONNRESET' }, { kind: 'unknown' }],
    [{ transportCode: 'AbortError' }, { kind: 'unknown' }],
    [{}, { kind: 'unknown' }],
  ])('%j => %j', (failure, verdict) => {
    expect(telegramVerdict(failure)).toEqual(verdict);
  });

  it("reads Telegram's answer from a thrown error, or the transport error's code", () => {
    const answered = {
      response: { error_code: 429, description: 'Too Many Requests', parameters: { retry_after: 3 } },
    };
    expect(failureOf(answered)).toEqual({
      telegramCode: 429,
      description: 'Too Many Requests',
      retryAfter: 3,
    });
    expect(failureOf(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toEqual({
      transportCode: 'ECONNREFUSED',
    });
    expect(failureOf(null)).toEqual({ transportCode: 'NETWORK' });
  });
});
