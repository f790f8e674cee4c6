import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Page, sortOrder } from '../../../common/pagination/page-query.dto';
import { Segment } from '../persistence/segment.entity';
import { SegmentAudience } from './segment-audience';
import { SegmentView, toSegmentView } from './segment-view';

/** Saved segments, system ones included; by id unless `sort` says otherwise. */
export class ListSegmentsQuery extends Query<Page<SegmentView>> {
  constructor(
    readonly page: number,
    readonly limit: number,
    readonly sort?: string,
  ) {
    super();
  }
}

@QueryHandler(ListSegmentsQuery)
export class ListSegmentsHandler implements IQueryHandler<ListSegmentsQuery, Page<SegmentView>> {
  constructor(@InjectRepository(Segment) private readonly segments: Repository<Segment>) {}

  async execute({ page, limit, sort }: ListSegmentsQuery): Promise<Page<SegmentView>> {
    const order = sortOrder(sort, ['id', 'name', 'createdAt', 'updatedAt'] as const, {
      field: 'id',
      direction: 'ASC',
    });
    const [rows, total] = await this.segments.findAndCount({
      order: { [order.field]: order.direction, id: order.direction },
      skip: (page - 1) * limit,
      take: limit,
    });
    return { items: rows.map(toSegmentView), total, page, limit };
  }
}

/** Ids and names of saved segments, system ones first, then by name: for pickers (the staff bot's buttons). */
export class ListSegmentNamesQuery extends Query<Array<{ id: number; name: string }>> {
  constructor(readonly limit: number) {
    super();
  }
}

@QueryHandler(ListSegmentNamesQuery)
export class ListSegmentNamesHandler implements IQueryHandler<ListSegmentNamesQuery> {
  constructor(@InjectRepository(Segment) private readonly segments: Repository<Segment>) {}

  async execute({ limit }: ListSegmentNamesQuery): Promise<Array<{ id: number; name: string }>> {
    const rows = await this.segments.find({
      select: ['id', 'name'],
      order: { isSystem: 'DESC', name: 'ASC' },
      take: limit,
    });
    return rows.map(({ id, name }) => ({ id, name }));
  }
}

/** One saved segment; SEGMENT_NOT_FOUND. */
export class GetSegmentQuery extends Query<SegmentView> {
  constructor(readonly segmentId: number) {
    super();
  }
}

@QueryHandler(GetSegmentQuery)
export class GetSegmentHandler implements IQueryHandler<GetSegmentQuery, SegmentView> {
  constructor(private readonly audience: SegmentAudience) {}

  async execute({ segmentId }: GetSegmentQuery): Promise<SegmentView> {
    return toSegmentView(await this.audience.segment(segmentId));
  }
}

/** A client as a preview lists one: enough to recognise them. */
export interface PreviewClient {
  id: number;
  firstName: string | null;
  lastName: string | null;
  username: string | null;
  status: string;
  isSubscribed: boolean;
  tags: string[];
  createdAt: Date;
}

export interface SegmentPreview {
  count: number;
  /** The newest PREVIEW_SIZE clients of the segment. */
  users: PreviewClient[];
}

export const PREVIEW_SIZE = 20;

const PREVIEW_COLUMNS = [
  'u.id AS id',
  'u.first_name AS firstName',
  'u.last_name AS lastName',
  'u.username AS username',
  'u.status AS status',
  'u.is_subscribed AS isSubscribed',
  'u.tags AS tags',
  'u.created_at AS createdAt',
];

type PreviewRow = Omit<PreviewClient, 'isSubscribed'> & { isSubscribed: number | boolean };

/**
 * What a filter selects now: how many clients and the newest 20, with the audience defaults of
 * ResolveSegmentQuery (active, non-test clients unless the filter's rules say otherwise).
 * SEGMENT_FILTER_INVALID with the bad rule's path.
 */
export class PreviewSegmentQuery extends Query<SegmentPreview> {
  constructor(readonly filter: unknown) {
    super();
  }
}

@QueryHandler(PreviewSegmentQuery)
export class PreviewSegmentHandler implements IQueryHandler<PreviewSegmentQuery, SegmentPreview> {
  constructor(private readonly audience: SegmentAudience) {}

  async execute({ filter }: PreviewSegmentQuery): Promise<SegmentPreview> {
    const condition = await this.audience.condition({ filter });
    const [count, rows] = await Promise.all([
      this.audience.count(condition),
      this.audience
        .members(condition)
        .select(PREVIEW_COLUMNS)
        .orderBy('u.created_at', 'DESC')
        .addOrderBy('u.id', 'DESC')
        .limit(PREVIEW_SIZE)
        .getRawMany<PreviewRow>(),
    ]);
    return {
      count,
      users: rows.map((row) => ({
        id: Number(row.id),
        firstName: row.firstName,
        lastName: row.lastName,
        username: row.username,
        status: row.status,
        isSubscribed: Boolean(row.isSubscribed),
        tags: row.tags ?? [],
        createdAt: row.createdAt,
      })),
    };
  }
}
