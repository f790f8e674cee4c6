import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { HandlesJob, JobHandler } from '../../../infrastructure/queues/job-handler';
import { JobName } from '../../../infrastructure/queues/jobs';
import {
  RefreshStatsRollupCommand,
  RefreshStatsRollupResult,
} from '../commands/refresh-stats-rollup.command';

@Injectable()
@JobHandler(JobName.RefreshStatsRollup)
export class RefreshStatsRollupJob implements HandlesJob<JobName.RefreshStatsRollup> {
  constructor(private readonly commands: CommandBus) {}

  handle(): Promise<RefreshStatsRollupResult> {
    return this.commands.execute(new RefreshStatsRollupCommand());
  }
}
