/**
 * The one source of "now". Production reads the system time; tests pin or move it (`set`, `advance`) to
 * exercise expiry, birthdays and schedules without waiting.
 */
export class Clock {
  private offsetMs = 0;
  private frozenAt: number | null = null;

  now(): Date {
    return new Date(this.frozenAt ?? Date.now() + this.offsetMs);
  }

  /** Pins time at `date` (frozen), or lets it run on from `date` when `running` is true. */
  set(date: Date | string, running = false): void {
    const target = new Date(date).getTime();
    if (running) {
      this.frozenAt = null;
      this.offsetMs = target - Date.now();
    } else {
      this.frozenAt = target;
    }
  }

  advance(ms: number): void {
    if (this.frozenAt !== null) this.frozenAt += ms;
    else this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
    this.frozenAt = null;
  }
}
