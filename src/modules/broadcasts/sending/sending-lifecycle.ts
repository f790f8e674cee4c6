import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';

/**
 * Graceful shutdown of broadcast sending: once the process is told to stop, chunk runs take no new
 * recipient, finish the send in flight and record it, and hand the rest of their range back to the queue.
 * Runs before BullMQ closes its workers and before the database connection closes.
 */
@Injectable()
export class SendingLifecycle implements BeforeApplicationShutdown {
  private readonly logger = new Logger(SendingLifecycle.name);
  private readonly running = new Set<Promise<unknown>>();
  private stoppingFlag = false;

  get stopping(): boolean {
    return this.stoppingFlag;
  }

  /** Runs `work` as a tracked send run: shutdown waits for it. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    const run = work();
    this.running.add(run);
    try {
      return await run;
    } finally {
      this.running.delete(run);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stoppingFlag = true;
    if (this.running.size === 0) return;
    this.logger.log({ runs: this.running.size }, 'Shutting down: finishing the broadcast sends in flight');
    await Promise.allSettled([...this.running]);
  }
}
