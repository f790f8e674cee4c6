import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { Clock } from '../../../common/clock/clock';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { GetSettingQuery } from '../../settings/queries/get-setting.query';
import { CompiledSegmentFilter, compileSegmentFilter } from '../domain/compile-segment-filter';
import { Segment } from '../persistence/segment.entity';

/** Whose clients: a saved segment, or a filter given inline (a preview, a bulk action). */
export type SegmentSource = { segmentId: number } | { filter: unknown };

/** A client's status, as the users table stores it (`users.status`). */
export type AudienceStatus = 'active' | 'blocked' | 'deleted';

/**
 * Who counts besides the filter. Defaults, for broadcasts and bulk actions: active clients only and no test
 * clients, unless the filter has a `status` / `isTest` rule of its own (then the rule decides). An explicit
 * option always applies on top of the filter: a real broadcast passes `testUsers: 'exclude'`.
 */
export interface AudienceOptions {
  testUsers?: 'exclude' | 'only' | 'include';
  /** `'any'`: no condition on status besides the filter's. */
  statuses?: readonly AudienceStatus[] | 'any';
}

/**
 * A segment as data: a condition over the users table aliased `u` (SQL text with TypeORM named parameters,
 * all named `seg_…`), for a caller to put into its own statement: `WHERE (sql)`. One condition per statement.
 */
export interface SegmentCondition {
  sql: string;
  params: Record<string, unknown>;
}

/** Parameter names of a condition; fixed, since a statement holds one condition. */
const PARAM_PREFIX = 'seg_';

/*
 * A segment is a condition over `users u`, so its own reads (count, preview, ids) select from the users
 * table by name: a read model of the users module's table, listed in the lint allow-list.
 */
@Injectable()
export class SegmentAudience {
  constructor(
    @InjectRepository(Segment) private readonly segments: Repository<Segment>,
    private readonly dataSource: DataSource,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  /** The filter of `source` compiled for now in shop time; SEGMENT_NOT_FOUND, SEGMENT_FILTER_INVALID. */
  async compile(source: SegmentSource): Promise<CompiledSegmentFilter> {
    const filter = 'segmentId' in source ? (await this.segment(source.segmentId)).filter : source.filter;
    const timezone = await this.queries.execute(new GetSettingQuery('shop.timezone'));
    return compileSegmentFilter(filter, { now: this.clock.now(), timezone }, { paramPrefix: PARAM_PREFIX });
  }

  /** The whole audience of `source` under `options`, as one condition over `users u`. */
  async condition(source: SegmentSource, options: AudienceOptions = {}): Promise<SegmentCondition> {
    const compiled = await this.compile(source);
    const parts = [`(${compiled.sql})`];
    const params: Record<string, unknown> = { ...compiled.params };
    const statuses = options.statuses ?? (compiled.fields.includes('status') ? 'any' : ['active']);
    if (statuses !== 'any') {
      parts.push(`u.status IN (:...${PARAM_PREFIX}statuses)`);
      params[`${PARAM_PREFIX}statuses`] = statuses;
    }
    const testUsers = options.testUsers ?? (compiled.fields.includes('isTest') ? 'include' : 'exclude');
    if (testUsers !== 'include') parts.push(testUsers === 'only' ? 'u.is_test = 1' : 'u.is_test = 0');
    return { sql: parts.join(' AND '), params };
  }

  /** How many clients the condition holds now. */
  async count(condition: SegmentCondition): Promise<number> {
    const row = await this.members(condition).select('COUNT(*)', 'n').getRawOne<{ n: number | string }>();
    return Number(row?.n ?? 0);
  }

  /** A page of member ids, ascending, after `afterId`. */
  async ids(condition: SegmentCondition, afterId: number, limit: number): Promise<number[]> {
    const rows = await this.members(condition)
      .select('u.id', 'id')
      .andWhere(`u.id > :${PARAM_PREFIX}after`, { [`${PARAM_PREFIX}after`]: afterId })
      .orderBy('u.id', 'ASC')
      .limit(limit)
      .getRawMany<{ id: number | string }>();
    return rows.map((row) => Number(row.id));
  }

  /** The members as a query of this module's own: select and order are the caller's (in this module). */
  members(condition: SegmentCondition) {
    return this.dataSource.createQueryBuilder().from('users', 'u').where(condition.sql, condition.params);
  }

  async segment(segmentId: number): Promise<Segment> {
    const segment = await this.segments.findOneBy({ id: segmentId });
    if (!segment)
      throw new DomainError(ErrorCode.SEGMENT_NOT_FOUND, `No segment #${segmentId}`, { segmentId });
    return segment;
  }
}
