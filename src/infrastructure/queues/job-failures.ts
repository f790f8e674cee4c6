import { Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { type Job, UnrecoverableError } from 'bullmq';
import { Metrics } from '../metrics/metrics';

/** A job failed its last attempt: it stays in the failed set until an owner retries it. */
export class JobFinallyFailedEvent {
  constructor(
    readonly queue: string,
    readonly jobName: string,
    readonly jobId: string,
    readonly attempts: number,
    readonly reason: string,
  ) {}
}

/** Whether this failed attempt was the job's last (BullMQ will not try it again). */
export function isLastAttempt(job: Pick<Job, 'attemptsMade' | 'opts'>, error: unknown): boolean {
  return error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

/** What a worker does with a real failure: counts it and, after the last attempt, tells whoever listens. */
@Injectable()
export class JobFailures {
  constructor(
    private readonly metrics: Metrics,
    private readonly events: EventBus,
  ) {}

  record(job: Job, error: unknown): void {
    const last = isLastAttempt(job, error);
    this.metrics.jobFailures.inc({ queue: job.queueName, job: job.name, final: String(last) });
    if (!last) return;
    const reason = error instanceof Error ? error.message : String(error);
    this.events.publish(
      new JobFinallyFailedEvent(job.queueName, job.name, job.id ?? '', job.attemptsMade + 1, reason),
    );
  }
}
