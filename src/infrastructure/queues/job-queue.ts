import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { JOB_QUEUE, JobName, JobPayloads, QueueName } from './jobs';

/** Enqueues jobs by name with a typed payload; the queue is looked up from the job name. */
@Injectable()
export class JobQueue {
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    @InjectQueue(QueueName.Maintenance) maintenance: Queue,
    @InjectQueue(QueueName.Broadcasts) broadcasts: Queue,
    @InjectQueue(QueueName.Notifications) notifications: Queue,
  ) {
    this.queues = {
      [QueueName.Maintenance]: maintenance,
      [QueueName.Broadcasts]: broadcasts,
      [QueueName.Notifications]: notifications,
    };
  }

  async enqueue<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options: JobsOptions = {},
  ): Promise<string> {
    const job = await this.queues[JOB_QUEUE[name]].add(name, payload, options);
    return job.id ?? '';
  }

  all(): Queue[] {
    return Object.values(this.queues);
  }
}
