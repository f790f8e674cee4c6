import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
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
    const queue = this.queues[JOB_QUEUE[name]];
    // BullMQ's connection queues commands while Redis is away (it must, for workers): a producer in a
    // request would wait for Redis to come back. It is refused at once instead (503, try again).
    const client = await queue.client;
    if (client.status !== 'ready')
      throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'The job queue (Redis) is unavailable');
    const job = await queue.add(name, payload, options);
    return job.id ?? '';
  }

  all(): Queue[] {
    return Object.values(this.queues);
  }
}
