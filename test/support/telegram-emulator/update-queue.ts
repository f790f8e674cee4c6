import type { Update } from 'telegraf/types';
import { conflict } from './api-error';

interface Poll {
  resolve(): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/** Updates waiting for bots that poll with getUpdates, and the long polls waiting for them. */
export class UpdateQueue {
  private readonly pending = new Map<string, Update[]>();
  private readonly polls = new Map<string, Poll>();

  push(token: string, update: Update): void {
    this.queueOf(token).push(update);
    this.polls.get(token)?.resolve();
  }

  /**
   * Forgets the updates the bot confirmed (ids below offset; a negative offset keeps the last -offset)
   * and those it did not subscribe to, and returns up to `limit` of the rest.
   */
  take(
    token: string,
    offset: number | undefined,
    limit: number,
    wanted: (update: Update) => boolean,
  ): Update[] {
    let queue = this.queueOf(token);
    if (offset !== undefined && offset < 0) queue = queue.slice(offset);
    else if (offset !== undefined) queue = queue.filter((u) => u.update_id >= offset);
    queue = queue.filter(wanted);
    this.pending.set(token, queue);
    return queue.slice(0, limit);
  }

  count(token: string): number {
    return this.queueOf(token).length;
  }

  drop(token: string): void {
    this.pending.delete(token);
  }

  /**
   * Waits until an update arrives for the bot, `ms` pass or the request is abandoned. A second long poll
   * by the same bot ends the first with 409, as Telegram does when two instances poll.
   */
  wait(token: string, ms: number, signal: AbortSignal): Promise<void> {
    this.polls
      .get(token)
      ?.reject(
        conflict('terminated by other getUpdates request; make sure that only one bot instance is running'),
      );
    return new Promise((resolve, reject) => {
      const finish = (): void => {
        clearTimeout(poll.timer);
        signal.removeEventListener('abort', onAbort);
        if (this.polls.get(token) === poll) this.polls.delete(token);
      };
      const onAbort = (): void => poll.resolve();
      const poll: Poll = {
        resolve: () => (finish(), resolve()),
        reject: (error) => (finish(), reject(error)),
        timer: setTimeout(() => poll.resolve(), ms),
      };
      this.polls.set(token, poll);
      signal.addEventListener('abort', onAbort);
    });
  }

  /** Answers every waiting long poll now (the emulator is stopping). */
  releaseAll(): void {
    for (const poll of [...this.polls.values()]) poll.resolve();
  }

  clear(): void {
    this.pending.clear();
  }

  private queueOf(token: string): Update[] {
    let queue = this.pending.get(token);
    if (!queue) this.pending.set(token, (queue = []));
    return queue;
  }
}
