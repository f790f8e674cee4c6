import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { DelayedError, type Job, RateLimitError } from 'bullmq';
import { FREE_SEND_RATE } from '../telegram/client-bot-send-limiter';
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
 * The worker of the notifications queue: messages to clients about their codes. Their rate is not set
 * here: each send takes a slot from the client bot's send limiter, shared with broadcasts (one budget per
 * bot token, as Telegram counts it). BullMQ's limiter stays for the 429 pause alone: BullMQ honours
 * `queue.rateLimit(retry_after)` (every process holds the queue's jobs back) only on a worker that has a
 * limiter. Set at Telegram's free limit, the most a notice may go, it leaves the pace to the shared limiter.
 */
@Processor(QueueName.Notifications, {
  concurrency: 5,
  limiter: { max: FREE_SEND_RATE, duration: 1000 },
})
export class NotificationsWorker extends RegistryWorker {
  constructor(registry: JobHandlerRegistry) {
    super(registry);
  }
}
