import { Logger } from '@nestjs/common';
import { CommandBus, EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { Clock } from '../../../common/clock/clock';
import { JobFinallyFailedEvent } from '../../../infrastructure/queues/job-failures';
import { RecordOwnerAlertCommand } from '../commands/record-owner-alert.command';

/**
 * A job that failed its last attempt becomes an owner alert. The owner alerts' own jobs are left out: a
 * digest that cannot be sent must not ask for another digest (it is in the failed list and the metrics).
 */
@EventsHandler(JobFinallyFailedEvent)
export class JobFailedAlertHandler implements IEventHandler<JobFinallyFailedEvent> {
  private readonly logger = new Logger(JobFailedAlertHandler.name);

  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  async handle(event: JobFinallyFailedEvent): Promise<void> {
    if (event.jobName.startsWith('owner-alerts.')) return;
    try {
      await this.commands.execute(
        new RecordOwnerAlertCommand({
          kind: 'job_failed',
          queue: event.queue,
          job: event.jobName,
          jobId: event.jobId,
          attempts: event.attempts,
          reason: event.reason,
          at: this.clock.now().toISOString(),
        }),
      );
    } catch (error) {
      this.logger.error({ err: error, jobId: event.jobId }, 'Could not record the alert of a failed job');
    }
  }
}
