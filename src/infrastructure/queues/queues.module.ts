import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { redisOptionsFromUrl } from '../redis/redis-url';
import { RedisKeys } from '../redis/redis-keys';
import { JobFailures } from './job-failures';
import { JobHandlerRegistry } from './job-registry';
import { JobQueue } from './job-queue';
import { QueueName } from './jobs';
import { BroadcastsWorker, MaintenanceWorker, NotificationsWorker } from './queue-workers';

/** Retried with backoff; a job that finally fails stays in the failed set for an owner to read and retry. */
const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
  removeOnFail: false,
};

/** BullMQ connection and queues for every role; workers (job processors) only where `worker` is a role. */
@Global()
@Module({})
export class QueuesModule {
  static forRoot(options: { worker: boolean }): DynamicModule {
    const queues = Object.values(QueueName).map((name) => BullModule.registerQueue({ name }));
    return {
      module: QueuesModule,
      imports: [
        DiscoveryModule,
        BullModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            connection: { ...redisOptionsFromUrl(config.redisUrl), maxRetriesPerRequest: null },
            prefix: new RedisKeys(config.redisPrefix).queuePrefix,
            defaultJobOptions: DEFAULT_JOB_OPTIONS,
          }),
        }),
        ...queues,
      ],
      providers: [
        JobQueue,
        ...(options.worker
          ? [JobHandlerRegistry, JobFailures, MaintenanceWorker, BroadcastsWorker, NotificationsWorker]
          : []),
      ],
      exports: [JobQueue, ...queues],
    };
  }
}
