import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { HandlesJob, JobHandler } from '../../../infrastructure/queues/job-handler';
import { JobName, JobPayloads } from '../../../infrastructure/queues/jobs';
import { BirthdayRun, IssueBirthdayGiftsCommand } from '../commands/issue-birthday-gifts.command';

/** The birthday run of one shop date; its result (`{ candidates, issued, ... }`) is the job's. */
@Injectable()
@JobHandler(JobName.BirthdayGifts)
export class BirthdayGiftsJob implements HandlesJob<JobName.BirthdayGifts> {
  constructor(private readonly commands: CommandBus) {}

  handle({ shopDate }: JobPayloads[JobName.BirthdayGifts]): Promise<BirthdayRun> {
    return this.commands.execute(new IssueBirthdayGiftsCommand(shopDate));
  }
}
