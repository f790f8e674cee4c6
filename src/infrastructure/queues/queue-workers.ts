import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobHandlerRegistry } from './job-registry';
import { QueueName } from './jobs';

/** The worker of the maintenance queue: hands each job to its registered handler. */
@Processor(QueueName.Maintenance, { concurrency: 2 })
export class MaintenanceWorker extends WorkerHost {
  private readonly logger = new Logger(MaintenanceWorker.name);

  constructor(private readonly registry: JobHandlerRegistry) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    try {
      return await this.registry.run(job);
    } catch (error) {
      this.logger.warn(
        { err: error, job: job.name, jobId: job.id, attempt: job.attemptsMade + 1 },
        'Job failed',
      );
      throw error;
    }
  }
}
