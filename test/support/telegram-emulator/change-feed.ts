/**
 * A version number that grows whenever what a user would see changes (a message sent, edited or deleted,
 * an update delivered), so a page can wait for the next change instead of polling on a timer.
 */
export class ChangeFeed {
  private current = 0;
  private waiters: Array<() => void> = [];

  get version(): number {
    return this.current;
  }

  bump(): void {
    this.current += 1;
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }

  /** Resolves with the version once it is past `since`, or after `timeoutMs`, or when `signal` aborts. */
  async after(since: number, timeoutMs: number, signal?: AbortSignal): Promise<number> {
    if (this.current > since || signal?.aborted) return this.current;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal?.addEventListener('abort', done);
      this.waiters.push(done);
    });
    return this.current;
  }

  /** Wakes every waiter (the emulator is stopping). */
  releaseAll(): void {
    this.bump();
  }
}
