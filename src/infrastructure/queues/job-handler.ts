import { DiscoveryService } from '@nestjs/core';
import type { Job } from 'bullmq';
import { JobName, JobPayloads } from './jobs';

/** Marks a provider as the handler of one job name. */
export const JobHandler = DiscoveryService.createDecorator<JobName>();

/** What a job handler implements: turn the payload into a command, dispatch it, return a small result. */
export interface HandlesJob<N extends JobName> {
  handle(payload: JobPayloads[N], job: Job<JobPayloads[N]>): Promise<unknown>;
}
