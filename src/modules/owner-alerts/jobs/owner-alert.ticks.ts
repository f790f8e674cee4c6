import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { Clock } from '../../../common/clock/clock';
import { JobQueue } from '../../../infrastructure/queues/job-queue';
import { JobIds, JobName } from '../../../infrastructure/queues/jobs';
import { DailyShopTimeTick, ShopTime } from '../../../infrastructure/scheduling/daily-shop-time-tick';
import { GetSettingQuery } from '../../settings/queries/get-setting.query';
import { summarizedDate } from '../domain/morning-summary';

/**
 * Each minute, and once at start-up (scheduler role): from `owner_alerts.summary_at` (shop time) until
 * midnight, makes sure the summary of yesterday exists, job id `owner-alerts-summary-<date>`
 * (DailyShopTimeTick). Off while the setting is off.
 */
@Injectable()
export class MorningSummaryTick extends DailyShopTimeTick {
  @Cron('30 * * * * *', { name: 'owner-alerts-summary' })
  override run(): Promise<void> {
    return super.run();
  }

  protected async shopTime(): Promise<ShopTime | null> {
    const [enabled, timeZone, at] = await Promise.all([
      this.queries.execute(new GetSettingQuery('owner_alerts.morning_summary')),
      this.queries.execute(new GetSettingQuery('shop.timezone')),
      this.queries.execute(new GetSettingQuery('owner_alerts.summary_at')),
    ]);
    return enabled ? { timeZone, at } : null;
  }

  protected enqueueFor(today: string): Promise<string> {
    const shopDate = summarizedDate(today);
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
