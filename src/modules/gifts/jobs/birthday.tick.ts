import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Cron } from '@nestjs/schedule';
import { Clock } from '../../../common/clock/clock';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import { JobQueue } from '../../../infrastructure/queues/job-queue';
import { JobIds, JobName } from '../../../infrastructure/queues/jobs';
import { GetSettingQuery } from '../../settings/queries/get-setting.query';
import { dueBirthdayDate } from '../domain/birthday';

/**
 * Each minute, and once at start-up (scheduler role): from `birthday.send_at` (shop time) until midnight,
 * makes sure today's birthday run exists, job id `birthday-<shop-date>`. BullMQ ignores a known id, so N
 * schedulers and every later minute of the day make one run; a scheduler that was down at send_at starts
 * the day's run as soon as it is back (catch-up). A run that finally failed stays in the failed set.
 */
@Injectable()
export class BirthdayTick implements OnApplicationBootstrap {
  private readonly logger = new Logger(BirthdayTick.name);

  constructor(
    private readonly jobs: JobQueue,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Catch-up: a scheduler starting after send_at runs today's birthdays if nobody has. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.config.roles.has('scheduler')) await this.run();
  }

  @Cron('0 * * * * *', { name: 'discounts-birthday' })
  async run(): Promise<void> {
    try {
      await this.enqueueIfDue();
    } catch (error) {
      this.logger.error({ err: error }, 'Birthday tick failed');
    }
  }

  /** Today's run's job id once it is due (enqueued now or before), null before send_at. */
  async enqueueIfDue(): Promise<string | null> {
    const [timezone, sendAt] = await Promise.all([
      this.queries.execute(new GetSettingQuery('shop.timezone')),
      this.queries.execute(new GetSettingQuery('birthday.send_at')),
    ]);
    const shopDate = dueBirthdayDate(this.clock.now(), timezone, sendAt);
    if (shopDate === null) return null;
    return this.jobs.enqueue(JobName.BirthdayGifts, { shopDate }, { jobId: JobIds.birthday(shopDate) });
  }
}
