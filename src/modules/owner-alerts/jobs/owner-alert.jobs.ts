import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { HandlesJob, JobHandler } from '../../../infrastructure/queues/job-handler';
import { JobName, JobPayloads } from '../../../infrastructure/queues/jobs';
import { CheckStuckBroadcastsCommand } from '../commands/check-stuck-broadcasts.command';
import { DigestResult, SendAlertDigestCommand } from '../commands/send-alert-digest.command';
import { SendMorningSummaryCommand } from '../commands/send-morning-summary.command';

/** The digest of the alerts pending now; its result (`{ alerts, ownersTold }`) is the job's. */
@Injectable()
@JobHandler(JobName.SendOwnerAlertDigest)
export class SendAlertDigestJob implements HandlesJob<JobName.SendOwnerAlertDigest> {
  constructor(private readonly commands: CommandBus) {}

  handle(): Promise<DigestResult> {
    return this.commands.execute(new SendAlertDigestCommand());
  }
}

@Injectable()
@JobHandler(JobName.CheckStuckBroadcasts)
export class CheckStuckBroadcastsJob implements HandlesJob<JobName.CheckStuckBroadcasts> {
  constructor(private readonly commands: CommandBus) {}

  handle(): Promise<{ stuck: number; raised: number }> {
    return this.commands.execute(new CheckStuckBroadcastsCommand());
  }
}

@Injectable()
@JobHandler(JobName.SendMorningSummary)
export class SendMorningSummaryJob implements HandlesJob<JobName.SendMorningSummary> {
  constructor(private readonly commands: CommandBus) {}

  handle({
    shopDate,
  }: JobPayloads[JobName.SendMorningSummary]): Promise<{ sent: boolean; ownersTold: number }> {
    return this.commands.execute(new SendMorningSummaryCommand(shopDate));
  }
}
