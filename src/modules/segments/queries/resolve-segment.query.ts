import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { AudienceOptions, SegmentAudience, SegmentCondition, SegmentSource } from './segment-audience';

/**
 * The clients of a segment (or of an inline filter) as data: a SQL condition over the users table aliased
 * `u`, with its named parameters (`seg_…`), for the caller's own statement (a users list, an `INSERT …
 * SELECT` of recipients). Audience defaults (active, not test) are in AudienceOptions.
 * SEGMENT_NOT_FOUND, SEGMENT_FILTER_INVALID.
 */
export class ResolveSegmentQuery extends Query<SegmentCondition> {
  constructor(
    readonly source: SegmentSource,
    readonly options: AudienceOptions = {},
  ) {
    super();
  }
}

@QueryHandler(ResolveSegmentQuery)
export class ResolveSegmentHandler implements IQueryHandler<ResolveSegmentQuery, SegmentCondition> {
  constructor(private readonly audience: SegmentAudience) {}

  execute({ source, options }: ResolveSegmentQuery): Promise<SegmentCondition> {
    return this.audience.condition(source, options);
  }
}

/** A page of the clients' ids (ascending, after `afterId`); same audience rules as ResolveSegmentQuery. */
export class ListSegmentMemberIdsQuery extends Query<number[]> {
  constructor(
    readonly source: SegmentSource,
    readonly afterId: number,
    readonly limit: number,
    readonly options: AudienceOptions = {},
  ) {
    super();
  }
}

@QueryHandler(ListSegmentMemberIdsQuery)
export class ListSegmentMemberIdsHandler implements IQueryHandler<ListSegmentMemberIdsQuery, number[]> {
  constructor(private readonly audience: SegmentAudience) {}

  async execute({ source, afterId, limit, options }: ListSegmentMemberIdsQuery): Promise<number[]> {
    return this.audience.ids(await this.audience.condition(source, options), afterId, limit);
  }
}

/** How many clients a segment (or an inline filter) holds now; same audience rules as ResolveSegmentQuery. */
export class CountSegmentQuery extends Query<number> {
  constructor(
    readonly source: SegmentSource,
    readonly options: AudienceOptions = {},
  ) {
    super();
  }
}

@QueryHandler(CountSegmentQuery)
export class CountSegmentHandler implements IQueryHandler<CountSegmentQuery, number> {
  constructor(private readonly audience: SegmentAudience) {}

  async execute({ source, options }: CountSegmentQuery): Promise<number> {
    return this.audience.count(await this.audience.condition(source, options));
  }
}
