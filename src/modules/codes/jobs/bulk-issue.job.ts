import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Job } from 'bullmq';
import { HandlesJob, JobHandler } from '../../../infrastructure/queues/job-handler';
import { JobName } from '../../../infrastructure/queues/jobs';
import {
  BulkIssueDiscountsCommand,
  BulkIssuePayload,
  BulkIssueResult,
} from '../commands/bulk-issue.commands';

/** Runs a bulk issue; its progress (`{ processed, total, percent, issued, skipped, failed }`) is the job's. */
@Injectable()
@JobHandler(JobName.BulkIssueDiscounts)
export class BulkIssueJob implements HandlesJob<JobName.BulkIssueDiscounts> {
  constructor(private readonly commands: CommandBus) {}

  handle(payload: BulkIssuePayload, job: Job<BulkIssuePayload>): Promise<BulkIssueResult> {
    return this.commands.execute(
      new BulkIssueDiscountsCommand(payload, (progress) => job.updateProgress({ ...progress })),
    );
  }
}
