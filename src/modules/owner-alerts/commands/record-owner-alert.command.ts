import { Command, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { Clock } from '../../../common/clock/clock';
import { JobQueue } from '../../../infrastructure/queues/job-queue';
import { JobIds, JobName } from '../../../infrastructure/queues/jobs';
import { GetSettingQuery } from '../../settings/queries/get-setting.query';
import { digestWindow, OwnerAlert } from '../domain/owner-alert';
import { PendingAlerts } from '../persistence/pending-alerts';

/** Keeps an alert for the owners' next digest and makes sure that digest is on its way. */
export class RecordOwnerAlertCommand extends Command<{ digestJobId: string }> {
  constructor(readonly alert: OwnerAlert) {
    super();
  }
}

@CommandHandler(RecordOwnerAlertCommand)
export class RecordOwnerAlertHandler implements ICommandHandler<RecordOwnerAlertCommand> {
  constructor(
    private readonly pending: PendingAlerts,
    private readonly jobs: JobQueue,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  async execute({ alert }: RecordOwnerAlertCommand): Promise<{ digestJobId: string }> {
    await this.pending.add(alert);
    const delaySeconds = await this.queries.execute(new GetSettingQuery('owner_alerts.digest_delay_seconds'));
    const { window, delayMs } = digestWindow(this.clock.now().getTime(), delaySeconds);
    const digestJobId = await this.jobs.enqueue(
      JobName.SendOwnerAlertDigest,
      { window },
      { jobId: JobIds.ownerAlertDigest(window), delay: delayMs },
    );
    return { digestJobId };
  }
}
