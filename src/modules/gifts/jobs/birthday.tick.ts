import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Cron } from '@nestjs/schedule';
import { Clock } from '../../../common/clock/clock';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import { JobQueue } from '../../../infrastructure/queues/job-queue';
import { JobIds, JobName } from '../../../infrastructure/queues/jobs';
import { DailyShopTimeTick, ShopTime } from '../../../infrastructure/scheduling/daily-shop-time-tick';
import { GetSettingQuery } from '../../settings/queries/get-setting.query';

/**
 * Each minute, and once at start-up (scheduler role): from `birthday.send_at` (shop time) until midnight,
 * makes sure today's birthday run exists, job id `birthday-<shop-date>` (DailyShopTimeTick). A run that
 * finally failed stays in the failed set.
 */
@Injectable()
export class BirthdayTick extends DailyShopTimeTick {
  constructor(
    private readonly jobs: JobQueue,
    private readonly queries: QueryBus,
    clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(clock, config);
  }

  @Cron('0 * * * * *', { name: 'discounts-birthday' })
  override run(): Promise<void> {
    return super.run();
  }

  protected async shopTime(): Promise<ShopTime> {
    const [timeZone, at] = await Promise.all([
      this.queries.execute(new GetSettingQuery('shop.timezone')),
      this.queries.execute(new GetSettingQuery('birthday.send_at')),
    ]);
    return { timeZone, at };
  }

  protected enqueueFor(shopDate: string): Promise<string> {
    return this.jobs.enqueue(JobName.BirthdayGifts, { shopDate }, { jobId: JobIds.birthday(shopDate) });
  }
}
