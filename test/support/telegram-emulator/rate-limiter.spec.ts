import { SlidingWindowLimiter } from './rate-limiter';

describe('SlidingWindowLimiter', () => {
  it('allows perSecond acquisitions in any sliding second, not counting refused ones', () => {
    const limiter = new SlidingWindowLimiter(2);

    expect([0, 100, 200, 999].map((at) => limiter.tryAcquire(at))).toEqual([true, true, false, false]);
    expect(limiter.tryAcquire(1000)).toBe(true);
    expect(limiter.tryAcquire(1050)).toBe(false);
    expect(limiter.tryAcquire(1100)).toBe(true);
  });

  it('spreads a rate below one per second over a longer window', () => {
    const limiter = new SlidingWindowLimiter(0.5);

    expect(limiter.tryAcquire(0)).toBe(true);
    expect(limiter.tryAcquire(1500)).toBe(false);
    expect(limiter.retryAfter(1500)).toBe(1);
    expect(limiter.retryAfter(500)).toBe(2);
    expect(limiter.tryAcquire(2000)).toBe(true);
  });

  it('never refuses without a limit', () => {
    const limiter = new SlidingWindowLimiter(null);
    expect(Array.from({ length: 100 }, () => limiter.tryAcquire(0)).every(Boolean)).toBe(true);
  });
});
