import { Injectable } from '@nestjs/common';
import { Clock } from '../../../common/clock/clock';
import { DeliveredFact } from '../../../infrastructure/outbox/fact';
import { ConsumesFacts, OutboxConsumer } from '../../../infrastructure/outbox/outbox-consumer';
import { JobQueue } from '../../../infrastructure/queues/job-queue';
import { JobName } from '../../../infrastructure/queues/jobs';
import { SettingChangedEvent } from '../../settings/events/setting-changed.event';
import { UserUpdatedEvent } from '../../users/events/user.events';
import { StatsRollups } from '../persistence/stats-rollups';

type RollupFact = UserUpdatedEvent | SettingChangedEvent;

/**
 * Keeps the stats rollup true to the data. A client marked as test (or back) changes figures already
 * rolled up: every generation is set aside at once (stats are counted live meanwhile) and a new one built.
 * A new shop time zone cuts days differently: generations of the old offset are simply not read any more,
 * and one of the new offset is built. An outbox consumer: run twice, it sets aside what is already set
 * aside and asks for one more rebuild (harmless).
 */
@Injectable()
@OutboxConsumer('stats.rollup-invalidation', UserUpdatedEvent, SettingChangedEvent)
export class RollupInvalidationConsumer implements ConsumesFacts<RollupFact> {
  constructor(
    private readonly rollups: StatsRollups,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {}

  async handle({ fact }: DeliveredFact<RollupFact>): Promise<void> {
    const cause =
      'fields' in fact
        ? fact.fields.includes('isTest') && 'client-test-flag'
        : fact.key === 'shop.timezone' && 'shop-timezone';
    if (!cause) return;
    const now = this.clock.now();
    if (cause === 'client-test-flag') await this.rollups.invalidateAll(now);
    // no job id: every change gets its own refresh (an id would fold two changes of one moment into one)
    await this.jobs.enqueue(JobName.RefreshStatsRollup, { cause, requestedAt: now.toISOString() });
  }
}
