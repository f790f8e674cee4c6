import { UnrecoverableError } from 'bullmq';
import { isLastAttempt } from './job-failures';

describe('a failed job attempt', () => {
  const job = (attemptsMade: number, attempts?: number) => ({ attemptsMade, opts: { attempts } });

  it('is the last when no attempt is left, or when the error says retrying is pointless', () => {
    expect(isLastAttempt(job(0, 3), new Error('boom'))).toBe(false);
    expect(isLastAttempt(job(1, 3), new Error('boom'))).toBe(false);
    expect(isLastAttempt(job(2, 3), new Error('boom'))).toBe(true);
    expect(isLastAttempt(job(0), new Error('boom'))).toBe(true);
    expect(isLastAttempt(job(0, 5), new UnrecoverableError('bad payload'))).toBe(true);
  });
});
