import { Module } from '@nestjs/common';
import { GetJobHandler } from './get-job.query';
import { JobsController } from './jobs.controller';
import { ListJobsHandler } from './list-jobs.query';
import { RetryJobHandler } from './retry-job.command';

/** The jobs API (/api/v1/jobs): every queue's jobs by state, one job, and an owner's retry of a failed one. */
@Module({
  controllers: [JobsController],
  providers: [GetJobHandler, ListJobsHandler, RetryJobHandler],
})
export class FailedJobsModule {}
