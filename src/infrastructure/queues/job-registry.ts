import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Job } from 'bullmq';
import { HandlesJob, JobHandler } from './job-handler';
import { JobName } from './jobs';
import { checkJobHandlers } from './check-job-handlers';

/** Finds the one handler of each job name at start-up (or refuses to start) and runs jobs through it. */
@Injectable()
export class JobHandlerRegistry implements OnModuleInit {
  private readonly handlers = new Map<JobName, HandlesJob<JobName>>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const found = this.discovery
      .getProviders({ metadataKey: JobHandler.KEY })
      .filter((wrapper) => wrapper.instance)
      .map((wrapper) => ({
        name: this.discovery.getMetadataByDecorator(JobHandler, wrapper) as JobName,
        handler: wrapper.instance as HandlesJob<JobName>,
        owner: wrapper.name,
      }));
    checkJobHandlers(
      Object.values(JobName),
      found.map((f) => ({ name: f.name, owner: String(f.owner) })),
    );
    for (const { name, handler } of found) this.handlers.set(name, handler);
  }

  async run(job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name as JobName);
    if (!handler) throw new Error(`No handler for job "${job.name}"`);
    return handler.handle(job.data, job);
  }
}
