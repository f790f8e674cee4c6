import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Page, sortOrder } from '../../../common/pagination/page-query.dto';
import { Broadcast, BroadcastStatus } from '../persistence/broadcast.entity';
import { BroadcastView, toBroadcastView } from './broadcast-view';

export interface BroadcastFilter {
  status?: BroadcastStatus[];
  isTest?: boolean;
  /** A segment id, or null for broadcasts to everyone. */
  segmentId?: number | null;
  /** Part of the title, case-insensitive. */
  q?: string;
  createdFrom?: Date;
  createdTo?: Date;
}

const SORTABLE = ['id', 'createdAt', 'scheduledAt', 'startedAt', 'title', 'status'] as const;

/** Broadcasts, newest first unless `sort` says otherwise; counters as last derived from the rows. */
export class ListBroadcastsQuery extends Query<Page<BroadcastView>> {
  constructor(
    readonly page: number,
    readonly limit: number,
    readonly sort: string | undefined,
    readonly filter: BroadcastFilter,
  ) {
    super();
  }
}

@QueryHandler(ListBroadcastsQuery)
export class ListBroadcastsHandler implements IQueryHandler<ListBroadcastsQuery, Page<BroadcastView>> {
  constructor(@InjectRepository(Broadcast) private readonly broadcasts: Repository<Broadcast>) {}

  async execute({ page, limit, sort, filter }: ListBroadcastsQuery): Promise<Page<BroadcastView>> {
    const order = sortOrder(sort, SORTABLE, { field: 'id', direction: 'DESC' });
    const query = this.broadcasts.createQueryBuilder('b');
    if (filter.status?.length) query.andWhere('b.status IN (:...statuses)', { statuses: filter.status });
    if (filter.isTest !== undefined) query.andWhere('b.is_test = :isTest', { isTest: filter.isTest });
    if (filter.segmentId === null) query.andWhere('b.segment_id IS NULL');
    else if (filter.segmentId !== undefined)
      query.andWhere('b.segment_id = :segmentId', { segmentId: filter.segmentId });
    if (filter.q) {
      const escaped = filter.q.replace(/[\\%_]/g, (c) => `\\${c}`);
      query.andWhere('b.title LIKE :q', { q: `%${escaped}%` });
    }
    if (filter.createdFrom) query.andWhere('b.created_at >= :from', { from: filter.createdFrom });
    if (filter.createdTo) query.andWhere('b.created_at < :to', { to: filter.createdTo });
    const [rows, total] = await query
      .orderBy(`b.${order.field}`, order.direction)
      .addOrderBy('b.id', order.direction)
      .skip((page - 1) * limit)
      .take(limit)
      .getManyAndCount();
    return { items: rows.map(toBroadcastView), total, page, limit };
  }
}
