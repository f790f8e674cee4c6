import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Cron } from '@nestjs/schedule';
import { Clock } from '../../../common/clock/clock';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import { JobQueue } from '../../../infrastructure/queues/job-queue';
import { JobIds, JobName } from '../../../infrastructure/queues/jobs';
import { GetSettingQuery } from '../../settings/queries/get-setting.query';
import { dueSummaryDate } from '../domain/morning-summary';

/**
 * Each minute, and once at start-up (scheduler role): from `owner_alerts.summary_at` (shop time) until
 * midnight, makes sure the summary of yesterday exists, job id `owner-alerts-summary-<date>`: N schedulers
 * and every later minute make one (catch-up after a scheduler was down). Off while the setting is off.
 */
@Injectable()
export class MorningSummaryTick implements OnApplicationBootstrap {
  private readonly logger = new Logger(MorningSummaryTick.name);

  constructor(
    private readonly jobs: JobQueue,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.roles.has('scheduler')) await this.run();
  }

  @Cron('30 * * * * *', { name: 'owner-alerts-summary' })
  async run(): Promise<void> {
    try {
      await this.enqueueIfDue();
    } catch (error) {
      this.logger.error({ err: error }, 'Morning summary tick failed');
    }
  }

  /** The job id of the summary due now (enqueued now or before), null when none is. */
  async enqueueIfDue(): Promise<string | null> {
    const [enabled, timezone, sendAt] = await Promise.all([
      this.queries.execute(new GetSettingQuery('owner_alerts.morning_summary')),
      this.queries.execute(new GetSettingQuery('shop.timezone')),
      this.queries.execute(new GetSettingQuery('owner_alerts.summary_at')),
    ]);
    if (!enabled) return null;
    const shopDate = dueSummaryDate(this.clock.now(), timezone, sendAt);
    if (shopDate === null) return null;
    return this.jobs.enqueue(
      JobName.SendMorningSummary,
      { shopDate },
      { jobId: JobIds.morningSummary(shopDate) },
    );
  }
}

/** Every 5 minutes (scheduler role): one check for stuck broadcasts, however many schedulers tick. */
@Injectable()
export class StuckBroadcastsTick {
  constructor(
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {}

  @Cron('0 */5 * * * *', { name: 'owner-alerts-stuck-broadcasts' })
  enqueue(): Promise<string> {
    const now = this.clock.now().toISOString();
    const slot = now.slice(0, 16).replace(/\D/g, '');
    return this.jobs.enqueue(
      JobName.CheckStuckBroadcasts,
      { scheduledFor: now },
      { jobId: JobIds.stuckBroadcastsCheck(slot) },
    );
  }
}
