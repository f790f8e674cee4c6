import { Logger } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { UsageJournal } from '../persistence/usage-journal';
import { DiscountCheckedEvent } from './discount.events';

/** Writes a `validated` / `rejected` usage-log row for every check; a failed write is logged, never raised. */
@EventsHandler(DiscountCheckedEvent)
export class RecordCheckHandler implements IEventHandler<DiscountCheckedEvent> {
  private readonly logger = new Logger(RecordCheckHandler.name);

  constructor(private readonly journal: UsageJournal) {}

  async handle({ row }: DiscountCheckedEvent): Promise<void> {
    const { at, ...fields } = row;
    try {
      await this.journal.record({ ...fields, idempotencyKey: null, response: null, createdAt: at });
    } catch (error) {
      this.logger.warn({ err: error, discountId: row.discountId }, 'Could not log a code check');
    }
  }
}
