import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, EventBus, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Actor } from '../../../common/audit/audit-entry';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { JobQueue } from '../../../infrastructure/queues/job-queue';
import { JobName, JobPayloads } from '../../../infrastructure/queues/jobs';
import { CountSegmentQuery, ListSegmentMemberIdsQuery } from '../../segments/queries/resolve-segment.query';
import { DiscountBulkIssueStartedEvent } from '../events/discount.events';
import { DiscountTemplate } from '../persistence/discount-template.entity';
import { IssueDiscountCommand } from './issue-discount.command';
import { invalidField } from '../../../common/errors/invalid-field';

export type BulkIssuePayload = JobPayloads[JobName.BulkIssueDiscounts];

/**
 * Starts issuing a template to many clients (ids, or a saved segment's current audience: active, non-test
 * clients) as a background job; answers the job id at once. The template must exist, be active and
 * personal; a segment must exist. The job's id is also the batch's period key.
 */
export class StartBulkIssueCommand extends Command<{ jobId: string }> {
  constructor(
    readonly target: { templateId: number; userIds?: number[]; segmentId?: number },
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(StartBulkIssueCommand)
export class StartBulkIssueHandler implements ICommandHandler<StartBulkIssueCommand, { jobId: string }> {
  constructor(
    @InjectRepository(DiscountTemplate) private readonly templates: Repository<DiscountTemplate>,
    private readonly jobs: JobQueue,
    private readonly queries: QueryBus,
    private readonly events: EventBus,
  ) {}

  async execute({ target, actor }: StartBulkIssueCommand): Promise<{ jobId: string }> {
    const { templateId, userIds, segmentId } = target;
    if ((userIds === undefined) === (segmentId === undefined)) {
      throw invalidField('userIds', 'give exactly one of userIds and segmentId');
    }
    const template = await this.templates.findOneBy({ id: templateId });
    if (!template) throw new DomainError(ErrorCode.TEMPLATE_NOT_FOUND, `No discount template #${templateId}`);
    if (!template.isActive) {
      throw new DomainError(ErrorCode.TEMPLATE_INACTIVE, `Template #${templateId} is switched off`, {
        templateId,
      });
    }
    if (template.usage === 'shared')
      throw invalidField('templateId', 'a shared template is one code, not one per client');
    const audience =
      segmentId === undefined ? null : await this.queries.execute(new CountSegmentQuery({ segmentId }));
    const batchKey = `bulk-${randomBytes(8).toString('hex')}`;
    const payload: BulkIssuePayload = {
      templateId,
      ...(userIds ? { userIds: [...new Set(userIds)] } : { segmentId }),
      batchKey,
      adminId: actor.type === 'admin' ? Number(actor.id) : null,
    };
    const jobId = await this.jobs.enqueue(JobName.BulkIssueDiscounts, payload, { jobId: batchKey });
    this.events.publish(
      new DiscountBulkIssueStartedEvent(
        jobId,
        templateId,
        {
          userIds: payload.userIds?.length ?? null,
          segmentId: segmentId ?? null,
          ...(audience === null ? {} : { audience }),
        },
        actor,
      ),
    );
    return { jobId };
  }
}

export interface BulkIssueProgress {
  processed: number;
  total: number;
  percent: number;
  issued: number;
  skipped: number;
  failed: number;
}

export interface BulkIssueResult {
  total: number;
  /** New codes. */
  issued: number;
  /** Clients who already had this batch's (or this period's) code, and clients not found or deleted. */
  skipped: number;
  /** Anything else (a switched-off template, an unexpected error): logged with the client id. */
  failed: number;
}

/** Does the work of a bulk issue job: IssueDiscountCommand for each client, a few at a time, with progress. */
export class BulkIssueDiscountsCommand extends Command<BulkIssueResult> {
  constructor(
    readonly payload: BulkIssuePayload,
    readonly onProgress: (progress: BulkIssueProgress) => Promise<void>,
  ) {
    super();
  }
}

/** Clients issued to at once: enough to overlap round trips, few enough to leave the pool to others. */
const PARALLEL = 4;
/** Progress is reported every this many clients (and at the end). */
const PROGRESS_EVERY = 100;
const SKIPPED = new Set<ErrorCode>([ErrorCode.USER_NOT_FOUND, ErrorCode.USER_DELETED]);

@CommandHandler(BulkIssueDiscountsCommand)
export class BulkIssueDiscountsHandler implements ICommandHandler<
  BulkIssueDiscountsCommand,
  BulkIssueResult
> {
  private readonly logger = new Logger(BulkIssueDiscountsHandler.name);

  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  async execute({ payload, onProgress }: BulkIssueDiscountsCommand): Promise<BulkIssueResult> {
    const userIds = await this.targets(payload);
    const tally = { issued: 0, skipped: 0, failed: 0 };
    const report = (processed: number) =>
      onProgress({
        processed,
        total: userIds.length,
        percent: userIds.length === 0 ? 100 : Math.floor((processed * 100) / userIds.length),
        ...tally,
      });
    await report(0);
    let reported = 0;
    for (let start = 0; start < userIds.length; start += PARALLEL) {
      const slice = userIds.slice(start, start + PARALLEL);
      await Promise.all(slice.map((userId) => this.issueOne(payload, userId, tally)));
      const processed = start + slice.length;
      if (processed - reported >= PROGRESS_EVERY || processed === userIds.length) {
        await report(processed);
        reported = processed;
      }
    }
    return { total: userIds.length, ...tally };
  }

  private async issueOne(
    payload: BulkIssuePayload,
    userId: number,
    tally: { issued: number; skipped: number; failed: number },
  ): Promise<void> {
    try {
      const { alreadyIssued } = await this.commands.execute(
        new IssueDiscountCommand({
          userId,
          templateId: payload.templateId,
          reason: 'bulk',
          batchKey: payload.batchKey,
          issuedByAdminId: payload.adminId,
        }),
      );
      if (alreadyIssued) tally.skipped++;
      else tally.issued++;
    } catch (error) {
      if (error instanceof DomainError && SKIPPED.has(error.code)) {
        tally.skipped++;
        return;
      }
      tally.failed++;
      this.logger.warn(
        { err: error, userId, batch: payload.batchKey },
        'Bulk issue: could not issue to a client',
      );
    }
  }

  private async targets(payload: BulkIssuePayload): Promise<number[]> {
    if (payload.userIds) return payload.userIds;
    const source = { segmentId: payload.segmentId as number };
    const ids: number[] = [];
    for (;;) {
      const page = await this.queries.execute(
        new ListSegmentMemberIdsQuery(source, ids.at(-1) ?? 0, SEGMENT_PAGE),
      );
      ids.push(...page);
      if (page.length < SEGMENT_PAGE) return ids;
    }
  }
}

/** Member ids asked of the segments module per page. */
const SEGMENT_PAGE = 5000;
