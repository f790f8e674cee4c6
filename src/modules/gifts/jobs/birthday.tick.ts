import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
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
