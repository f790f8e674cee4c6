import { Logger } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { Clock } from '../../../common/clock/clock';
import { JobQueue } from '../../../infrastructure/queues/job-queue';
import { JobName } from '../../../infrastructure/queues/jobs';
import { SettingChangedEvent } from '../../settings/events/setting-changed.event';
import { UserUpdatedEvent } from '../../users/events/user.events';
import { StatsRollups } from '../persistence/stats-rollups';

/**
 * Keeps the stats rollup true to the data. A client marked as test (or back) changes figures already
 * rolled up: every generation is set aside at once (stats are counted live meanwhile) and a new one built.
 * A new shop time zone cuts days differently: generations of the old offset are simply not read any more,
 * and one of the new offset is built.
 */
@EventsHandler(UserUpdatedEvent, SettingChangedEvent)
export class RollupInvalidationHandler implements IEventHandler<UserUpdatedEvent | SettingChangedEvent> {
  private readonly logger = new Logger(RollupInvalidationHandler.name);

  constructor(
    private readonly rollups: StatsRollups,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {}

  async handle(event: UserUpdatedEvent | SettingChangedEvent): Promise<void> {
    const cause =
      event instanceof UserUpdatedEvent
        ? event.fields.includes('isTest') && 'client-test-flag'
        : event.key === 'shop.timezone' && 'shop-timezone';
    if (!cause) return;
    const now = this.clock.now();
    try {
      if (cause === 'client-test-flag') await this.rollups.invalidateAll(now);
      // no job id: every change gets its own refresh (an id would fold two changes of one moment into one)
      await this.jobs.enqueue(JobName.RefreshStatsRollup, { cause, requestedAt: now.toISOString() });
    } catch (error) {
      // Not set aside: figures may count the change late until the next full build (within a day).
      this.logger.error({ err: error, cause }, 'Could not set the stats rollup aside for a rebuild');
    }
  }
}
