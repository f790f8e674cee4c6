import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { DelayedError, type Job, RateLimitError } from 'bullmq';
import { JobHandlerRegistry } from './job-registry';
import { QueueName } from './jobs';

/**
 * What every queue's worker does: hand the job to its registered handler, and log a real failure (a job put
 * back on purpose — DelayedError, RateLimitError — is not one). The queues differ only in their options.
 */
abstract class RegistryWorker extends WorkerHost {
  private readonly logger = new Logger(this.constructor.name);

  constructor(private readonly registry: JobHandlerRegistry) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    try {
      return await this.registry.run(job);
    } catch (error) {
      if (!(error instanceof DelayedError || error instanceof RateLimitError)) {
        this.logger.warn(
          { err: error, job: job.name, jobId: job.id, attempt: job.attemptsMade + 1 },
          'Job failed',
        );
      }
      throw error;
    }
  }
}

/** The worker of the maintenance queue (expiry, birthdays, bulk jobs). */
@Processor(QueueName.Maintenance, { concurrency: 2 })
export class MaintenanceWorker extends RegistryWorker {
  constructor(registry: JobHandlerRegistry) {
    super(registry);
  }
}

/**
 * The worker of the broadcasts queue. Four jobs at once (each chunk job runs a few sends in parallel through
 * the shared rate limiter). A chunk job is safe to run again, so a crashed worker's job is picked up soon
 * (short lock, frequent stall check) and may stall several times before BullMQ gives up on it.
 */
@Processor(QueueName.Broadcasts, {
  concurrency: 4,
  lockDuration: 20_000,
  stalledInterval: 10_000,
  maxStalledCount: 10,
})
export class BroadcastsWorker extends RegistryWorker {
  constructor(registry: JobHandlerRegistry) {
    super(registry);
  }
}

/**
 * The worker of the notifications queue: messages to clients about their codes. BullMQ's limiter is kept
 * in Redis and holds for the queue as a whole, however many worker processes run: at most 5 jobs per
 * 200 ms, so 25 a second on average and never more than 30 in any second (Telegram's bulk limit), while
 * a bulk issue or the birthday run announces thousands of gifts. A 429 pauses the queue for Telegram's
 * retry_after (RateLimitError puts the job back without spending an attempt).
 */
@Processor(QueueName.Notifications, { concurrency: 5, limiter: { max: 5, duration: 200 } })
export class NotificationsWorker extends RegistryWorker {
  constructor(registry: JobHandlerRegistry) {
    super(registry);
  }
}
