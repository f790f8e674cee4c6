import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Clock } from '../../../common/clock/clock';
import { HandlesJob, JobHandler } from '../../../infrastructure/queues/job-handler';
import { JobName } from '../../../infrastructure/queues/jobs';
import { ExpireDiscountsCommand } from '../commands/expire-discounts.command';

@Injectable()
@JobHandler(JobName.ExpireDiscounts)
export class ExpireDiscountsJob implements HandlesJob<JobName.ExpireDiscounts> {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  handle(): Promise<{ expired: number }> {
    return this.commands.execute(new ExpireDiscountsCommand(this.clock.now()));
  }
}
