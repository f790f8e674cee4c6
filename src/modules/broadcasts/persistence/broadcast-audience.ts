import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { SelectQueryBuilder } from 'typeorm';
import { CountSegmentQuery, ResolveSegmentQuery } from '../../segments/queries/resolve-segment.query';
import { SegmentSource } from '../../segments/queries/segment-audience';
import { User } from '../../users/persistence/user.entity';

/** Whom a broadcast is for: its segment (null = every client), active clients with a Telegram id. */
export interface AudienceOf {
  segmentId: number | null;
  isTest: boolean;
}

const EVERYONE: SegmentSource = { filter: { all: [] } };

/**
 * A broadcast's recipients, through the segments module: only active clients; a real broadcast never
 * reaches test clients and a test broadcast reaches only them, whatever the segment's own rules say.
 * SEGMENT_NOT_FOUND, SEGMENT_FILTER_INVALID.
 */
@Injectable()
export class BroadcastAudience {
  constructor(private readonly queries: QueryBus) {}

  /** A query over `users u` (nothing selected, no order): the start job pages it into deliveries. */
  async users(audience: AudienceOf): Promise<SelectQueryBuilder<User>> {
    const query = await this.queries.execute(
      new ResolveSegmentQuery(this.source(audience), this.options(audience)),
    );
    return query.andWhere('u.telegram_id IS NOT NULL');
  }

  /** How many clients it would reach now (before sending starts). */
  count(audience: AudienceOf): Promise<number> {
    return this.queries.execute(new CountSegmentQuery(this.source(audience), this.options(audience)));
  }

  private source({ segmentId }: AudienceOf): SegmentSource {
    return segmentId === null ? EVERYONE : { segmentId };
  }

  private options({ isTest }: AudienceOf) {
    return { testUsers: isTest ? ('only' as const) : ('exclude' as const), statuses: ['active' as const] };
  }
}
