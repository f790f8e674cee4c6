import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { Clock } from '../../../common/clock/clock';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { GetSettingQuery } from '../../settings/queries/get-setting.query';
import { User, UserStatus } from '../../users/persistence/user.entity';
import { CompiledSegmentFilter, compileSegmentFilter } from '../domain/compile-segment-filter';
import { Segment } from '../persistence/segment.entity';

/** Whose clients: a saved segment, or a filter given inline (a preview, a bulk action). */
export type SegmentSource = { segmentId: number } | { filter: unknown };

/**
 * Who counts besides the filter. Defaults, for broadcasts and bulk actions: active clients only and no test
 * clients, unless the filter has a `status` / `isTest` rule of its own (then the rule decides). An explicit
 * option always applies on top of the filter: a real broadcast passes `testUsers: 'exclude'`.
 */
export interface AudienceOptions {
  testUsers?: 'exclude' | 'only' | 'include';
  /** `'any'`: no condition on status besides the filter's. */
  statuses?: readonly UserStatus[] | 'any';
  /** Build on this manager, e.g. inside a transaction. */
  manager?: EntityManager;
}

let audiences = 0;

/** Turns a segment or a filter into a query over `users u`, for the segment queries of this module. */
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
    return compileSegmentFilter(filter, { now: this.clock.now(), timezone });
  }

  async users(source: SegmentSource, options: AudienceOptions = {}): Promise<SelectQueryBuilder<User>> {
    const compiled = await this.compile(source);
    const manager = options.manager ?? this.dataSource.manager;
    const query = manager.createQueryBuilder(User, 'u').where(compiled.sql, compiled.params);
    const statuses = options.statuses ?? (compiled.fields.includes('status') ? 'any' : ['active']);
    if (statuses !== 'any') {
      query.andWhere(`u.status IN (:...audience${++audiences}_statuses)`, {
        [`audience${audiences}_statuses`]: statuses,
      });
    }
    const testUsers = options.testUsers ?? (compiled.fields.includes('isTest') ? 'include' : 'exclude');
    if (testUsers !== 'include') query.andWhere(testUsers === 'only' ? 'u.is_test = 1' : 'u.is_test = 0');
    return query;
  }

  async segment(segmentId: number): Promise<Segment> {
    const segment = await this.segments.findOneBy({ id: segmentId });
    if (!segment)
      throw new DomainError(ErrorCode.SEGMENT_NOT_FOUND, `No segment #${segmentId}`, { segmentId });
    return segment;
  }
}
