import { classifyFailure, retryDelayMs } from './send-outcome';

describe('classifyFailure', () => {
  it('treats 403 and "chat not found" as a client who cannot be reached', () => {
    expect(
      classifyFailure({ telegramCode: 403, description: 'Forbidden: bot was blocked by the user' }).kind,
    ).toBe('blocked');
    expect(classifyFailure({ telegramCode: 403, description: 'Forbidden: user is deactivated' }).kind).toBe(
      'blocked',
    );
    expect(classifyFailure({ telegramCode: 400, description: 'Bad Request: chat not found' }).kind).toBe(
      'blocked',
    );
  });

  it('pauses on 429 for retry_after', () => {
    expect(classifyFailure({ telegramCode: 429, retryAfter: 7 })).toEqual({
      kind: 'rateLimited',
      retryAfterSeconds: 7,
      errorCode: '429',
    });
  });

  it('retries what may pass later, fails what never will', () => {
    expect(classifyFailure({ telegramCode: 502 }).kind).toBe('retry');
    expect(classifyFailure({ transportCode: 'ECONNREFUSED' }).kind).toBe('retry');
    expect(
      classifyFailure({ telegramCode: 400, description: "Bad Request: can't parse entities" }).kind,
    ).toBe('failed');
  });

  it('never retries a send whose request may have reached Telegram', () => {
    expect(classifyFailure({ transportCode: 'ECONNRESET' }).kind).toBe('unknown');
    expect(classifyFailure({ transportCode: 'AbortError' }).kind).toBe('unknown');
  });

  it('backs off exponentially up to a minute', () => {
    expect([1, 2, 3, 10].map(retryDelayMs)).toEqual([1000, 2000, 4000, 60_000]);
  });
});
