import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { Clock } from '../../../common/clock/clock';
import { JobQueue } from '../../../infrastructure/queues/job-queue';
import { JobIds, JobName } from '../../../infrastructure/queues/jobs';

/** Hourly (scheduler role): enqueues the expiry job once per hour, however many schedulers run. */
@Injectable()
export class ExpireDiscountsTick {
  constructor(
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {}

  @Cron('0 5 * * * *', { name: 'discounts-expire' })
  async enqueue(): Promise<string> {
    const now = this.clock.now();
    const hour = now.toISOString().slice(0, 13);
    return this.jobs.enqueue(
      JobName.ExpireDiscounts,
      { scheduledFor: now.toISOString() },
      { jobId: JobIds.expireDiscounts(hour) },
    );
  }
}
