import {
  ConsumerTimeout,
  isLastAttempt,
  MAX_ATTEMPTS,
  MAX_RETRY_MS,
  nextTryAt,
  retryDelayMs,
} from './delivery-backoff';

describe('retryDelayMs', () => {
  const middle = () => 0.5;

  it('doubles from a second', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, middle))).toEqual([1000, 2000, 4000, 8000, 16000]);
  });

  it('stops growing at five minutes', () => {
    expect(retryDelayMs(10, middle)).toBe(MAX_RETRY_MS);
    expect(retryDelayMs(60, middle)).toBe(MAX_RETRY_MS);
  });

  it('spreads retries by at most a tenth either way', () => {
    expect(retryDelayMs(3, () => 0)).toBe(3600);
    expect(retryDelayMs(3, () => 1)).toBe(4400);
  });
});

describe('isLastAttempt', () => {
  it('gives up at the last attempt, not before', () => {
    expect(isLastAttempt(MAX_ATTEMPTS - 1)).toBe(false);
    expect(isLastAttempt(MAX_ATTEMPTS)).toBe(true);
  });

  it('retries about an hour in all before giving up', () => {
    let total = 0;
    for (let n = 1; n < MAX_ATTEMPTS; n++) total += retryDelayMs(n, () => 0.5);
    expect(total / 60_000).toBeGreaterThan(50);
    expect(total / 60_000).toBeLessThan(70);
  });
});

describe('nextTryAt', () => {
  const middle = () => 0.5;
  const now = new Date('2031-01-01T10:00:00.000Z');
  const lockedUntil = new Date('2031-01-01T10:00:20.000Z');

  it('waits the backoff after a failure', () => {
    expect(nextTryAt(now, 1, lockedUntil, new Error('no'), middle)).toEqual(
      new Date('2031-01-01T10:00:01.000Z'),
    );
  });

  it('waits until the claim runs out after a time-out: the late run is never joined by its retry', () => {
    const late = new ConsumerTimeout('took too long');
    expect(nextTryAt(now, 1, lockedUntil, late, middle)).toEqual(lockedUntil);
    expect(nextTryAt(now, 6, lockedUntil, late, middle)).toEqual(new Date('2031-01-01T10:00:32.000Z'));
  });
});
