import { Command, CommandHandler, EventBus, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { Actor, AuditableEvent, AuditEntry } from '../../../common/audit/audit-entry';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { JobQueue } from '../job-queue';
import { GetJobQuery, JobView } from './get-job.query';

/** An owner sent a failed job back to its queue. */
export class JobRetriedEvent extends AuditableEvent {
  constructor(
    readonly jobId: string,
    readonly queue: string,
    readonly name: string,
    readonly actor: Actor,
  ) {
    super();
  }

  toAuditEntry(): AuditEntry {
    return {
      actor: this.actor,
      action: 'job.retried',
      entityType: 'job',
      entityId: this.jobId,
      changes: { queue: this.queue, name: this.name },
    };
  }
}

/**
 * Moves a failed job back to waiting with a fresh set of attempts (BullMQ `job.retry('failed')`);
 * JOB_NOT_FOUND, and JOB_NOT_FAILED for a job in any other state (a running job is not run twice).
 */
export class RetryJobCommand extends Command<JobView> {
  constructor(
    readonly jobId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(RetryJobCommand)
export class RetryJobHandler implements ICommandHandler<RetryJobCommand, JobView> {
  constructor(
    private readonly jobs: JobQueue,
    private readonly queries: QueryBus,
    private readonly events: EventBus,
  ) {}

  async execute({ jobId, actor }: RetryJobCommand): Promise<JobView> {
    for (const queue of this.jobs.all()) {
      const job = await queue.getJob(jobId);
      if (!job) continue;
      const state = await job.getState();
      if (state !== 'failed') {
        throw new DomainError(ErrorCode.JOB_NOT_FAILED, `Job ${jobId} is ${state}, not failed`, {
          jobId,
          state,
        });
      }
      // BullMQ checks the state again inside its script, so two owners retrying at once make one retry.
      // attemptsMade restarts (a fresh set of attempts); attemptsStarted is kept, so a broadcast chunk job
      // still treats rows left `sending` by earlier runs as `unknown` (at most once).
      await job.retry('failed', { resetAttemptsMade: true });
      this.events.publish(new JobRetriedEvent(String(job.id), queue.name, job.name, actor));
      return this.queries.execute(new GetJobQuery(String(job.id)));
    }
    throw new DomainError(ErrorCode.JOB_NOT_FOUND, `No job ${jobId}`, { jobId });
  }
}
