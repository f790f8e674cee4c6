import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { Clock } from '../../../common/clock/clock';
import { JobQueue } from '../../../infrastructure/queues/job-queue';
import { JobIds, JobName } from '../../../infrastructure/queues/jobs';

/**
 * Hourly (scheduler role): enqueues one stats rollup refresh per hour, however many schedulers run. At 20
 * past, so the day just over is in the rollup from 00:20 shop time (zones with whole-hour offsets).
 */
@Injectable()
export class RefreshStatsRollupTick {
  constructor(
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {}

  @Cron('0 20 * * * *', { name: 'stats-rollup' })
  enqueue(): Promise<string> {
    const now = this.clock.now();
    return this.jobs.enqueue(
      JobName.RefreshStatsRollup,
      { cause: 'hourly', requestedAt: now.toISOString() },
      { jobId: JobIds.statsRollupHourly(now.toISOString().slice(0, 13)) },
    );
  }
}
