import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { ListSegmentNamesQuery } from '../../segments/queries/segment-queries';
import { BroadcastAudience } from '../persistence/broadcast-audience';

/** The saved segments a broadcast can go to (system ones first), for the staff bot's buttons. */
export class BroadcastAudiencesQuery extends Query<Array<{ id: number; name: string }>> {
  constructor(readonly limit = 20) {
    super();
  }
}

@QueryHandler(BroadcastAudiencesQuery)
export class BroadcastAudiencesHandler implements IQueryHandler<BroadcastAudiencesQuery> {
  constructor(private readonly queries: QueryBus) {}

  execute({ limit }: BroadcastAudiencesQuery): Promise<Array<{ id: number; name: string }>> {
    return this.queries.execute(new ListSegmentNamesQuery(limit));
  }
}

/** How many clients a broadcast to `segmentId` (null: everyone) would reach now. SEGMENT_NOT_FOUND. */
export class CountBroadcastAudienceQuery extends Query<number> {
  constructor(
    readonly segmentId: number | null,
    readonly isTest = false,
  ) {
    super();
  }
}

@QueryHandler(CountBroadcastAudienceQuery)
export class CountBroadcastAudienceHandler implements IQueryHandler<CountBroadcastAudienceQuery, number> {
  constructor(private readonly audience: BroadcastAudience) {}

  execute({ segmentId, isTest }: CountBroadcastAudienceQuery): Promise<number> {
    return this.audience.count({ segmentId, isTest });
  }
}
