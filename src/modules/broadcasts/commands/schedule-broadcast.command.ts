import { Command, CommandHandler, EventBus, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { Outbox } from '../../../infrastructure/outbox/outbox';
import { Actor } from '../../../common/audit/audit-entry';
import { Clock } from '../../../common/clock/clock';
import { JobQueue } from '../../../infrastructure/queues/job-queue';
import { JobIds, JobName } from '../../../infrastructure/queues/jobs';
import { GetSettingQuery } from '../../settings/queries/get-setting.query';
import { SCHEDULABLE } from '../domain/broadcast-lifecycle';
import { checkBroadcastContent } from '../domain/broadcast-content';
import { parseScheduleTime } from '../domain/schedule-time';
import { BroadcastEvent } from '../events/broadcast.events';
import { BroadcastAudience } from '../persistence/broadcast-audience';
import { BroadcastRecords } from '../persistence/broadcast-records';

/**
 * Plans a draft (or moves a scheduled broadcast) to `scheduledAt`: an ISO time with an offset, or without
 * one in shop time; it must be in the future (BROADCAST_SCHEDULE_IN_PAST). `'now'` sends at once: the
 * start job is enqueued right away instead of waiting for the minute tick. Content and segment are checked
 * again, since they are what goes out.
 */
export class ScheduleBroadcastCommand extends Command<{ scheduledAt: Date }> {
  constructor(
    readonly id: number,
    readonly when: string | 'now',
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(ScheduleBroadcastCommand)
export class ScheduleBroadcastHandler implements ICommandHandler<
  ScheduleBroadcastCommand,
  { scheduledAt: Date }
> {
  constructor(
    private readonly records: BroadcastRecords,
    private readonly audience: BroadcastAudience,
    private readonly jobs: JobQueue,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly outbox: Outbox,
  ) {}

  async execute({ id, when, actor }: ScheduleBroadcastCommand): Promise<{ scheduledAt: Date }> {
    const broadcast = await this.records.get(id);
    const now = this.clock.now();
    const scheduledAt =
      when === 'now'
        ? now
        : parseScheduleTime(when, await this.queries.execute(new GetSettingQuery('shop.timezone')), now);
    BroadcastRecords.assertStatus(broadcast, SCHEDULABLE, when === 'now' ? 'sent' : 'scheduled');
    checkBroadcastContent(broadcast);
    const audience = await this.audience.count(broadcast);
    const scheduled = new BroadcastEvent('broadcast.scheduled', id, actor, {
      before: { status: broadcast.status, scheduledAt: broadcast.scheduledAt },
      after: { status: 'scheduled', scheduledAt, sendNow: when === 'now' },
      audience,
    });
    await this.records.inTransaction(async (manager) => {
      if (!(await this.records.transition(id, SCHEDULABLE, { status: 'scheduled', scheduledAt }, manager))) {
        BroadcastRecords.assertStatus(await this.records.get(id), SCHEDULABLE, 'scheduled');
      }
      await this.outbox.record(manager, scheduled);
    });
    this.events.publish(scheduled);
    if (when === 'now') {
      await this.jobs.enqueue(
        JobName.StartBroadcast,
        { broadcastId: id },
        { jobId: JobIds.startBroadcast(id, scheduledAt) },
      );
    }
    return { scheduledAt };
  }
}
