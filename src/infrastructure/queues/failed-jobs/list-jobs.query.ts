import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Job } from 'bullmq';
import { Page, sortOrder } from '../../../common/pagination/page-query.dto';
import { JobQueue } from '../job-queue';

/** Job states a list can show; `failed` (the default) is what an owner looks at to retry. */
export const LISTED_JOB_STATES = ['failed', 'completed', 'active', 'waiting', 'delayed'] as const;
export type ListedJobState = (typeof LISTED_JOB_STATES)[number];

/** A job in a list: where it ran, what it was asked to do (summarised), and how it ended. */
export interface JobSummary {
  id: string;
  queue: string;
  name: string;
  state: ListedJobState;
  failedReason: string | null;
  attemptsMade: number;
  createdAt: Date;
  processedAt: Date | null;
  finishedAt: Date | null;
  /** The payload with long arrays and strings shortened (`userIds: "[1200 items]"`). */
  data: Record<string, unknown>;
}

/** Jobs of one state across every queue, newest first (by finish time, else creation time). */
export class ListJobsQuery extends Query<Page<JobSummary>> {
  constructor(
    readonly state: ListedJobState,
    readonly page: number,
    readonly limit: number,
    /** `createdAt` for oldest first; anything else (default `-createdAt`): newest first. */
    readonly sort?: string,
  ) {
    super();
  }
}

const MAX_STRING = 200;
const MAX_ARRAY = 10;

/** Payloads may carry thousands of ids: keep scalars, shorten strings and long arrays, flatten nesting. */
export function summarizeJobData(data: unknown): Record<string, unknown> {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { value: shorten(data, 0) };
  return Object.fromEntries(
    Object.entries(data as Record<string, unknown>).map(([k, v]) => [k, shorten(v, 0)]),
  );
}

function shorten(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  if (Array.isArray(value)) {
    return value.length > MAX_ARRAY || depth > 0
      ? `[${value.length} items]`
      : value.map((v) => shorten(v, 1));
  }
  if (value !== null && typeof value === 'object') {
    if (depth > 0) return '{…}';
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, shorten(v, 1)]),
    );
  }
  return value;
}

export function toJobSummary(job: Job, queue: string, state: ListedJobState): JobSummary {
  return {
    id: String(job.id),
    queue,
    name: job.name,
    state,
    failedReason: job.failedReason || null,
    attemptsMade: job.attemptsMade,
    createdAt: new Date(job.timestamp),
    processedAt: job.processedOn ? new Date(job.processedOn) : null,
    finishedAt: job.finishedOn ? new Date(job.finishedOn) : null,
    data: summarizeJobData(job.data),
  };
}

const at = (job: JobSummary) => (job.finishedAt ?? job.createdAt).getTime();

@QueryHandler(ListJobsQuery)
export class ListJobsHandler implements IQueryHandler<ListJobsQuery, Page<JobSummary>> {
  constructor(private readonly jobs: JobQueue) {}

  /**
   * Each queue keeps its own set, newest first: the first page*limit of each are enough to cut the merged
   * page, so a deep page reads more (failed sets are kept small by retrying or cleaning them).
   */
  async execute({ state, page, limit, sort }: ListJobsQuery): Promise<Page<JobSummary>> {
    const upTo = page * limit;
    const ascending =
      sortOrder(sort, ['createdAt'] as const, { field: 'createdAt', direction: 'DESC' }).direction === 'ASC';
    const perQueue = await Promise.all(
      this.jobs.all().map(async (queue) => {
        const [total, jobs] = await Promise.all([
          queue.getJobCountByTypes(state),
          queue.getJobs([state], 0, upTo - 1, ascending),
        ]);
        return { total, jobs: jobs.filter(Boolean).map((job) => toJobSummary(job, queue.name, state)) };
      }),
    );
    const newestFirst = (a: JobSummary, b: JobSummary) => at(b) - at(a) || b.id.localeCompare(a.id);
    const merged = perQueue.flatMap((q) => q.jobs).sort((a, b) => (ascending ? -1 : 1) * newestFirst(a, b));
    return {
      items: merged.slice((page - 1) * limit, upTo),
      total: perQueue.reduce((sum, q) => sum + q.total, 0),
      page,
      limit,
    };
  }
}
