import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { HandlesJob, JobHandler } from '../../../infrastructure/queues/job-handler';
import { JobName, JobPayloads } from '../../../infrastructure/queues/jobs';
import {
  RefreshStatsRollupCommand,
  RefreshStatsRollupResult,
} from '../commands/refresh-stats-rollup.command';

@Injectable()
@JobHandler(JobName.RefreshStatsRollup)
export class RefreshStatsRollupJob implements HandlesJob<JobName.RefreshStatsRollup> {
  private readonly logger = new Logger(RefreshStatsRollupJob.name);

  constructor(private readonly commands: CommandBus) {}

  async handle({
    cause,
    requestedAt,
  }: JobPayloads[JobName.RefreshStatsRollup]): Promise<RefreshStatsRollupResult> {
    const changedAt = cause === 'hourly' ? null : new Date(requestedAt);
    const result = await this.commands.execute(new RefreshStatsRollupCommand(changedAt));
    this.logger.log({ cause, requestedAt, ...result }, 'Stats rollup refreshed');
    return result;
  }
}
