import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Clock } from '../../common/clock/clock';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { JobQueue } from '../queues/job-queue';
import { dueShopDate } from './due-shop-date';

/** When a daily run is due: a time of day (`HH:MM`) in the shop's time zone. */
export interface ShopTime {
  timeZone: string;
  at: string;
}

/**
 * A daily job at a shop-time setting, cluster-safe: from that time until shop midnight each tick makes sure
 * the day's job exists under a job id derived from the shop date, so N schedulers and every later minute of
 * the day make one run, and a scheduler that was down at that time starts it as soon as it is back
 * (catch-up, also once at start-up in the scheduler role). A subclass says when (`shopTime`, null while
 * the run is switched off, usually from settings through `queries`), what (`enqueueFor`, through `jobs`),
 * and puts its own `@Cron` on `run`; it needs no constructor of its own (Nest injects this one's).
 */
@Injectable()
export abstract class DailyShopTimeTick implements OnApplicationBootstrap {
  private readonly logger = new Logger(this.constructor.name);

  constructor(
    protected readonly jobs: JobQueue,
    protected readonly queries: QueryBus,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Catch-up: a scheduler starting after the day's time enqueues the day's run if nobody has. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.config.roles.has('scheduler')) await this.run();
  }

  /** One tick; a failure is logged and the next tick tries again. */
  async run(): Promise<void> {
    try {
      await this.enqueueIfDue();
    } catch (error) {
      this.logger.error({ err: error }, `${this.constructor.name} failed`);
    }
  }

  /** The job id of the run due now (enqueued now or before), null before the day's time or while off. */
  async enqueueIfDue(): Promise<string | null> {
    const when = await this.shopTime();
    const shopDate = when && dueShopDate(this.clock.now(), when.timeZone, when.at);
    return shopDate ? this.enqueueFor(shopDate) : null;
  }

  /** The day's time in shop time, or null while the run is switched off. */
  protected abstract shopTime(): Promise<ShopTime | null>;

  /** Enqueues the run of a shop date under its deterministic job id; answers the job id. */
  protected abstract enqueueFor(shopDate: string): Promise<string>;
}
