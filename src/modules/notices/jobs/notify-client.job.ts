import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type Queue, RateLimitError } from 'bullmq';
import { HandlesJob, JobHandler } from '../../../infrastructure/queues/job-handler';
import { JobName, QueueName } from '../../../infrastructure/queues/jobs';
import {
  ClientNotice,
  ClientNoticeResult,
  NoticeRateLimitedError,
  SendClientNoticeCommand,
} from '../commands/send-client-notice.command';

/**
 * Sends one client notice. On Telegram's 429 the whole notifications queue (every worker) waits the
 * retry_after, and this job goes back to the queue without spending an attempt.
 */
@Injectable()
@JobHandler(JobName.NotifyClient)
export class NotifyClientJob implements HandlesJob<JobName.NotifyClient> {
  constructor(
    private readonly commands: CommandBus,
    @InjectQueue(QueueName.Notifications) private readonly queue: Queue,
  ) {}

  async handle(notice: ClientNotice): Promise<ClientNoticeResult> {
    try {
      return await this.commands.execute(new SendClientNoticeCommand(notice));
    } catch (error) {
      if (!(error instanceof NoticeRateLimitedError)) throw error;
      await this.queue.rateLimit(error.retryAfterMs);
      throw new RateLimitError();
    }
  }
}
