import { Injectable } from '@nestjs/common';
import { Clock } from '../../../common/clock/clock';
import { DeliveryLedger } from '../persistence/delivery-ledger';

interface Waiting {
  broadcastId: number;
  userId: number;
  messageId: number;
  done: () => void;
  failed: (error: unknown) => void;
}

/**
 * Records delivered messages in groups: a send that comes back while a write is under way joins the next
 * write, so under load one UPDATE records many rows, and when idle a row is written at once. A sender
 * waits for its row to be written before it takes the next recipient, so the rows a crash can leave
 * `sending` are still at most the sends in flight.
 */
@Injectable()
export class SentRecorder {
  private queue: Waiting[] = [];
  private writing = false;

  constructor(
    private readonly ledger: DeliveryLedger,
    private readonly clock: Clock,
  ) {}

  record(broadcastId: number, userId: number, messageId: number): Promise<void> {
    return new Promise((done, failed) => {
      this.queue.push({ broadcastId, userId, messageId, done, failed });
      if (!this.writing) void this.write();
    });
  }

  private async write(): Promise<void> {
    this.writing = true;
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      const byBroadcast = new Map<number, Waiting[]>();
      for (const item of batch)
        byBroadcast.set(item.broadcastId, [...(byBroadcast.get(item.broadcastId) ?? []), item]);
      await Promise.all(
        [...byBroadcast].map(async ([broadcastId, items]) => {
          try {
            await this.ledger.markManySent(broadcastId, items, this.clock.now());
            for (const item of items) item.done();
          } catch (error) {
            for (const item of items) item.failed(error);
          }
        }),
      );
    }
    this.writing = false;
  }
}
