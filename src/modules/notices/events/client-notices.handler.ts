import { Logger } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { JobQueue } from '../../../infrastructure/queues/job-queue';
import { JobIds, JobName } from '../../../infrastructure/queues/jobs';
import { DiscountIssuedEvent, DiscountRedeemedEvent } from '../../codes/events/discount.events';

/** A delivered notice is kept a day (its id blocks a duplicate meanwhile); a failed one stays for an owner. */
const KEEP_DONE = { age: 86_400 };

/**
 * Every new personal code is announced to its client, and every redemption confirmed, through the
 * notifications queue (one job per code or redemption, deterministic ids): each send takes a slot from the
 * client bot's send limiter (shared with broadcasts), so a bulk issue or the birthday run never floods
 * Telegram, and a worker retries what Telegram fails.
 */
@EventsHandler(DiscountIssuedEvent, DiscountRedeemedEvent)
export class QueueClientNoticesHandler implements IEventHandler<DiscountIssuedEvent | DiscountRedeemedEvent> {
  private readonly logger = new Logger(QueueClientNoticesHandler.name);

  constructor(private readonly jobs: JobQueue) {}

  async handle(event: DiscountIssuedEvent | DiscountRedeemedEvent): Promise<void> {
    try {
      if (event instanceof DiscountIssuedEvent) await this.issued(event);
      else await this.redeemed(event);
    } catch (error) {
      this.logger.error({ err: error }, 'Could not queue a client notice');
    }
  }

  private async issued({ issued }: DiscountIssuedEvent): Promise<void> {
    if (!issued.announce || issued.userId === null || issued.telegramId === null) return;
    await this.jobs.enqueue(
      JobName.NotifyClient,
      { notice: 'discount_issued', discountId: issued.discountId },
      { jobId: JobIds.discountIssuedNotice(issued.discountId), removeOnComplete: KEEP_DONE },
    );
  }

  private async redeemed({ redeemed }: DiscountRedeemedEvent): Promise<void> {
    if (redeemed.userId === null) return;
    await this.jobs.enqueue(
      JobName.NotifyClient,
      {
        notice: 'discount_redeemed',
        discountId: redeemed.discountId,
        userId: redeemed.userId,
        redemptionId: redeemed.redemptionId,
      },
      { jobId: JobIds.discountRedeemedNotice(redeemed.redemptionId), removeOnComplete: KEEP_DONE },
    );
  }
}
