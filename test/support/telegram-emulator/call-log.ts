import type { RecordedCall } from './types';

interface Waiter {
  predicate: (call: RecordedCall) => boolean;
  resolve: (call: RecordedCall) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** Every call the emulator answered, in the order the answers were given. */
export class CallLog {
  private readonly calls: RecordedCall[] = [];
  private readonly waiters = new Set<Waiter>();

  get all(): readonly RecordedCall[] {
    return this.calls;
  }

  record(call: RecordedCall): void {
    this.calls.push(call);
    for (const waiter of this.waiters) {
      if (!waiter.predicate(call)) continue;
      this.settle(waiter);
      waiter.resolve(call);
    }
  }

  clear(): void {
    this.calls.length = 0;
  }

  /** Resolves with the first recorded call that matches (already recorded or yet to come). */
  waitFor(predicate: (call: RecordedCall) => boolean, timeoutMs: number): Promise<RecordedCall> {
    const found = this.calls.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.settle(waiter);
          reject(new Error(`No matching Bot API call within ${timeoutMs} ms. ${this.describe()}`));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** Fails every pending waitFor (the emulator is stopping). */
  rejectWaiters(reason: string): void {
    for (const waiter of this.waiters) {
      this.settle(waiter);
      waiter.reject(new Error(`${reason}. ${this.describe()}`));
    }
  }

  /** The recorded calls, one per line, for failure messages; getUpdates polls are only counted. */
  describe(): string {
    const shown = this.calls.filter((c) => c.method !== 'getUpdates');
    const polls = this.calls.length - shown.length;
    const lines = shown.slice(-50).map(describeCall);
    const header = `Recorded calls (${shown.length}${polls ? `, plus ${polls} getUpdates` : ''})`;
    const skipped = shown.length > lines.length ? `\n  ... ${shown.length - lines.length} earlier calls` : '';
    return shown.length === 0 ? `${header}: none.` : `${header}:${skipped}\n${lines.join('\n')}`;
  }

  private settle(waiter: Waiter): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
  }
}

function describeCall(call: RecordedCall): string {
  const { body } = call.response;
  const outcome = body.ok ? 'ok' : `${body.error_code} ${body.description}`;
  const shownParams = JSON.stringify(call.params);
  const clipped = shownParams.length > 200 ? `${shownParams.slice(0, 200)}...` : shownParams;
  const via = call.viaWebhookReply ? ' (webhook reply)' : '';
  const bot = call.token.split(':')[0];
  return `  ${call.at.toISOString()} bot${bot} ${call.method}${via} ${clipped} -> ${outcome}`;
}
