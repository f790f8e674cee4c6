import { noticeVerdict } from './notice-delivery';

describe('notice delivery', () => {
  it.each([
    [{ telegramCode: 403, description: 'Forbidden: bot was blocked by the user' }, { kind: 'blocked' }],
    [{ telegramCode: 403, description: 'Forbidden: user is deactivated' }, { kind: 'blocked' }],
    [{ telegramCode: 400, description: 'Bad Request: chat not found' }, { kind: 'blocked' }],
    [{ telegramCode: 400, description: "Bad Request: can't parse entities" }, { kind: 'dropped' }],
    [
      { telegramCode: 429, retryAfter: 7 },
      { kind: 'rate_limited', retryAfterMs: 7000 },
    ],
    [{ telegramCode: 429 }, { kind: 'rate_limited', retryAfterMs: 1000 }],
    [{ telegramCode: 502 }, { kind: 'retry' }],
    [{}, { kind: 'retry' }],
  ])('%j => %j', (failure, verdict) => {
    expect(noticeVerdict(failure)).toEqual(verdict);
  });
});
