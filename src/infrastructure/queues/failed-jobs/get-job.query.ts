import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { JobQueue } from '../job-queue';

/** A background job as the admin API shows it: where it is, how far, and what it returned or why it failed. */
export interface JobView {
  id: string;
  name: string;
  /** completed, failed, active, waiting, delayed, prioritized, waiting-children or unknown. */
  state: string;
  progress: unknown;
  result: unknown;
  failedReason: string | null;
  attemptsMade: number;
  createdAt: Date;
  finishedAt: Date | null;
}

/** One job by id, from whichever queue holds it; JOB_NOT_FOUND (also once a finished job was cleaned up). */
export class GetJobQuery extends Query<JobView> {
  constructor(readonly jobId: string) {
    super();
  }
}

@QueryHandler(GetJobQuery)
export class GetJobHandler implements IQueryHandler<GetJobQuery, JobView> {
  constructor(private readonly jobs: JobQueue) {}

  async execute({ jobId }: GetJobQuery): Promise<JobView> {
    for (const queue of this.jobs.all()) {
      // The state first, then the job: read the other way round, a job finishing in between was answered
      // `completed` with the result, progress and finishedAt of its running snapshot (null, 0, null).
      const state = await queue.getJobState(jobId);
      const job = await queue.getJob(jobId);
      if (!job) continue;
      return {
        id: String(job.id),
        name: job.name,
        state,
        progress: job.progress,
        result: job.returnvalue ?? null,
        failedReason: job.failedReason || null,
        attemptsMade: job.attemptsMade,
        createdAt: new Date(job.timestamp),
        finishedAt: job.finishedOn ? new Date(job.finishedOn) : null,
      };
    }
    throw new DomainError(ErrorCode.JOB_NOT_FOUND, `No job ${jobId}`, { jobId });
  }
}
