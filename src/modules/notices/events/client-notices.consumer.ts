import { Injectable } from '@nestjs/common';
import { JobQueue } from '../../../infrastructure/queues/job-queue';
import { JobIds, JobName } from '../../../infrastructure/queues/jobs';
import { DeliveredFact } from '../../../infrastructure/outbox/fact';
import { ConsumesFacts, OutboxConsumer } from '../../../infrastructure/outbox/outbox-consumer';
import { DiscountIssuedEvent, DiscountRedeemedEvent } from '../../codes/events/discount.events';

/** A delivered notice is kept a day (its id blocks a duplicate meanwhile); a failed one stays for an owner. */
const KEEP_DONE = { age: 86_400 };

type ClientNoticeFact = DiscountIssuedEvent | DiscountRedeemedEvent;

/**
 * Every new personal code is announced to its client, and every redemption confirmed, through the
 * notifications queue (one job per code or redemption, deterministic ids, so a delivery run twice queues
 * one job): each send takes a slot from the client bot's send limiter (shared with broadcasts), so a bulk
 * issue or the birthday run never floods Telegram, and a worker retries what Telegram fails. An outbox
 * consumer: with Redis away the delivery waits and is tried again.
 */
@Injectable()
@OutboxConsumer('notices.client-notice', DiscountIssuedEvent, DiscountRedeemedEvent)
export class ClientNoticesConsumer implements ConsumesFacts<ClientNoticeFact> {
  constructor(private readonly jobs: JobQueue) {}

  async handle({ fact }: DeliveredFact<ClientNoticeFact>): Promise<void> {
    if ('issued' in fact) await this.issued(fact.issued);
    else await this.redeemed(fact.redeemed);
  }

  private async issued(issued: DeliveredFact<DiscountIssuedEvent>['fact']['issued']): Promise<void> {
    // The job reads the client's contact when it sends (a client deleted or blocked meanwhile gets nothing).
    if (!issued.announce || issued.userId === null) return;
    await this.jobs.enqueue(
      JobName.NotifyClient,
      { notice: 'discount_issued', discountId: issued.discountId },
      { jobId: JobIds.discountIssuedNotice(issued.discountId), removeOnComplete: KEEP_DONE },
    );
  }

  private async redeemed(redeemed: DeliveredFact<DiscountRedeemedEvent>['fact']['redeemed']): Promise<void> {
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
