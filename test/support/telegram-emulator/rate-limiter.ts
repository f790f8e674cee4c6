/**
 * At most `perSecond` acquisitions within any sliding second; null means no limit. A rate below one
 * (0.42 = 25 a minute) allows one acquisition per 1/perSecond seconds.
 */
export class SlidingWindowLimiter {
  private accepted: number[] = [];

  constructor(private perSecond: number | null) {
    this.setLimit(perSecond);
  }

  get limit(): number | null {
    return this.perSecond;
  }

  setLimit(perSecond: number | null): void {
    if (perSecond !== null && !(perSecond > 0))
      throw new Error(`rate limit must be positive, got ${perSecond}`);
    this.perSecond = perSecond;
    this.accepted = [];
  }

  /** Takes a slot if one is free; refused calls do not use one, as Telegram does not count them. */
  tryAcquire(now = Date.now()): boolean {
    if (this.perSecond === null) return true;
    this.accepted = this.accepted.filter((at) => now - at < this.windowMs());
    if (this.accepted.length >= Math.max(1, Math.floor(this.perSecond))) return false;
    this.accepted.push(now);
    return true;
  }

  /** Whole seconds until a slot frees up, at least 1: the `retry_after` of a refused call. */
  retryAfter(now = Date.now()): number {
    const oldest = this.accepted[0];
    if (oldest === undefined) return 1;
    return Math.max(1, Math.ceil((oldest + this.windowMs() - now) / 1000));
  }

  private windowMs(): number {
    return this.perSecond !== null && this.perSecond < 1 ? 1000 / this.perSecond : 1000;
  }
}
