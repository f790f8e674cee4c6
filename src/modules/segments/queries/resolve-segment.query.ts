import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { SelectQueryBuilder } from 'typeorm';
import { User } from '../../users/persistence/user.entity';
import { AudienceOptions, SegmentAudience, SegmentSource } from './segment-audience';

/**
 * The clients of a segment (or of an inline filter) as a TypeORM query over `users` aliased `u`, with
 * nothing selected but the entity, no order and no limit: callers add those (`.select('u.id')`,
 * `.orderBy('u.id')`, keyset pages, `INSERT ... SELECT` through `getQueryAndParameters()`). Audience
 * defaults (active, not test) are in AudienceOptions. SEGMENT_NOT_FOUND, SEGMENT_FILTER_INVALID.
 */
export class ResolveSegmentQuery extends Query<SelectQueryBuilder<User>> {
  constructor(
    readonly source: SegmentSource,
    readonly options: AudienceOptions = {},
  ) {
    super();
  }
}

@QueryHandler(ResolveSegmentQuery)
export class ResolveSegmentHandler implements IQueryHandler<ResolveSegmentQuery, SelectQueryBuilder<User>> {
  constructor(private readonly audience: SegmentAudience) {}

  execute({ source, options }: ResolveSegmentQuery): Promise<SelectQueryBuilder<User>> {
    return this.audience.users(source, options);
  }
}

/** How many clients a segment (or an inline filter) holds now; same audience rules as ResolveSegmentQuery. */
export class CountSegmentQuery extends Query<number> {
  constructor(
    readonly source: SegmentSource,
    readonly options: Omit<AudienceOptions, 'manager'> = {},
  ) {
    super();
  }
}

@QueryHandler(CountSegmentQuery)
export class CountSegmentHandler implements IQueryHandler<CountSegmentQuery, number> {
  constructor(private readonly audience: SegmentAudience) {}

  async execute({ source, options }: CountSegmentQuery): Promise<number> {
    return (await this.audience.users(source, options)).getCount();
  }
}
