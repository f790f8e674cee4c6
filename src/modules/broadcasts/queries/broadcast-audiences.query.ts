import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Segment } from '../../segments/persistence/segment.entity';
import { BroadcastAudience } from '../persistence/broadcast-audience';

/** The saved segments a broadcast can go to (system ones first), for the staff bot's buttons. */
export class BroadcastAudiencesQuery extends Query<Array<{ id: number; name: string }>> {
  constructor(readonly limit = 20) {
    super();
  }
}

@QueryHandler(BroadcastAudiencesQuery)
export class BroadcastAudiencesHandler implements IQueryHandler<BroadcastAudiencesQuery> {
  // Read-only: ids and names of saved segments (the segments module has no list query to ask yet).
  constructor(@InjectRepository(Segment) private readonly segments: Repository<Segment>) {}

  async execute({ limit }: BroadcastAudiencesQuery): Promise<Array<{ id: number; name: string }>> {
    return this.segments.find({
      select: ['id', 'name'],
      order: { isSystem: 'DESC', name: 'ASC' },
      take: limit,
    });
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
