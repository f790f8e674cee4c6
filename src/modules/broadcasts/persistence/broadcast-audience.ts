import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { CountSegmentQuery, ResolveSegmentQuery } from '../../segments/queries/resolve-segment.query';
import { SegmentSource } from '../../segments/queries/segment-audience';

/** Whom a broadcast is for: its segment (null = every client), active clients with a Telegram id. */
export interface AudienceOf {
  segmentId: number | null;
  isTest: boolean;
}

const EVERYONE: SegmentSource = { filter: { all: [] } };

/** One page of recipients' ids after `afterId`, ascending, as SQL and its positional parameters. */
export type RecipientPage = (afterId: number, limit: number) => [sql: string, params: unknown[]];

/**
 * A broadcast's recipients, through the segments module: only active clients; a real broadcast never
 * reaches test clients and a test broadcast reaches only them, whatever the segment's own rules say.
 * The pages select from the users table under the segment's condition (a read model of the users
 * module's table, in the lint allow-list): the start job copies them into deliveries with one
 * INSERT … SELECT a page. SEGMENT_NOT_FOUND, SEGMENT_FILTER_INVALID.
 */
@Injectable()
export class BroadcastAudience {
  constructor(
    private readonly queries: QueryBus,
    private readonly dataSource: DataSource,
  ) {}

  /** The audience resolved now, paged by ascending user id: clients with a Telegram id only. */
  async pages(audience: AudienceOf): Promise<RecipientPage> {
    const segment = await this.queries.execute(
      new ResolveSegmentQuery(this.source(audience), this.options(audience)),
    );
    return (afterId, limit) =>
      this.dataSource
        .createQueryBuilder()
        .select('u.id', 'id')
        .from('users', 'u')
        .where(segment.sql, segment.params)
        .andWhere('u.telegram_id IS NOT NULL')
        .andWhere('u.id > :recipientsAfter', { recipientsAfter: afterId })
        .orderBy('u.id', 'ASC')
        .limit(limit)
        .getQueryAndParameters();
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
