import { Injectable, Logger } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Cron } from '@nestjs/schedule';
import { Clock } from '../../../common/clock/clock';
import { JobQueue } from '../../../infrastructure/queues/job-queue';
import { JobIds, JobName } from '../../../infrastructure/queues/jobs';
import { DueBroadcastsQuery } from '../queries/get-broadcast.query';

/**
 * Each minute (scheduler role): a start job for every scheduled broadcast whose time has come, and the
 * sweep. Job ids are per broadcast and planned time, and per minute: N schedulers make one run.
 */
@Injectable()
export class BroadcastScheduleTick {
  private readonly logger = new Logger(BroadcastScheduleTick.name);

  constructor(
    private readonly jobs: JobQueue,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Cron('0 * * * * *', { name: 'broadcasts-due' })
  async run(): Promise<void> {
    try {
      await this.enqueue();
    } catch (error) {
      this.logger.error({ err: error }, 'Broadcast tick failed');
    }
  }

  /** Answers the start job ids enqueued (known ids included) and the sweep's job id. */
  async enqueue(): Promise<{ started: string[]; sweep: string }> {
    const now = this.clock.now();
    const due = await this.queries.execute(new DueBroadcastsQuery(now));
    const started: string[] = [];
    for (const { id, scheduledAt } of due) {
      started.push(
        await this.jobs.enqueue(
          JobName.StartBroadcast,
          { broadcastId: id },
          { jobId: JobIds.startBroadcast(id, scheduledAt) },
        ),
      );
    }
    const minute = now.toISOString().slice(0, 16).replace(/\D/g, '');
    const sweep = await this.jobs.enqueue(
      JobName.SweepBroadcasts,
      { scheduledFor: now.toISOString() },
      {
        jobId: JobIds.sweepBroadcasts(minute),
        removeOnComplete: { age: 3600 },
        removeOnFail: { age: 24 * 3600 },
      },
    );
    return { started, sweep };
  }
}
