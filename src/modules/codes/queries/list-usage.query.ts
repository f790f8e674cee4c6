import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Page, sortOrder } from '../../../common/pagination/page-query.dto';
import { normalizeCode } from '../domain/discount-code';
import { DiscountUsageLog, UsageAction, UsageChannel } from '../persistence/discount-usage-log.entity';
import { Discount } from '../persistence/discount.entity';

/** One check or redemption attempt, as the admin API lists it (the stored idempotent answer stays inside). */
export interface UsageView {
  id: number;
  discountId: number | null;
  /** The code, when the attempt named an existing one. */
  code: string | null;
  userId: number | null;
  cashierId: number | null;
  channel: UsageChannel;
  action: UsageAction;
  rejectCode: string | null;
  purchaseAmount: number | null;
  discountAmount: number | null;
  terminalId: string | null;
  idempotencyKey: string | null;
  createdAt: Date;
}

export interface UsageFilter {
  code?: string;
  userId?: number;
  cashierId?: number;
  channel?: UsageChannel;
  action?: UsageAction;
  terminalId?: string;
  from?: Date;
  to?: Date;
}

export class ListUsageQuery extends Query<Page<UsageView>> {
  constructor(
    readonly page: number,
    readonly limit: number,
    readonly sort: string | undefined,
    readonly filter: UsageFilter,
  ) {
    super();
  }
}

/*
 * Served by idx_discount_usage_logs_discount_action (a code), _user_id (a client), _cashier_created_at (a
 * cashier in a period) and _created_at (a period); newest first by id.
 */
@QueryHandler(ListUsageQuery)
export class ListUsageHandler implements IQueryHandler<ListUsageQuery, Page<UsageView>> {
  constructor(@InjectRepository(DiscountUsageLog) private readonly usage: Repository<DiscountUsageLog>) {}

  async execute({ page, limit, sort, filter }: ListUsageQuery): Promise<Page<UsageView>> {
    const order = sortOrder(sort, ['id', 'createdAt'] as const, { field: 'id', direction: 'DESC' });
    const query = this.usage
      .createQueryBuilder('u')
      .leftJoin(Discount, 'd', 'd.id = u.discountId')
      .select('u')
      .addSelect('d.code', 'code');
    if (filter.code) query.andWhere('d.code = :code', { code: normalizeCode(filter.code) });
    if (filter.userId !== undefined) query.andWhere('u.userId = :userId', filter);
    if (filter.cashierId !== undefined) query.andWhere('u.cashierId = :cashierId', filter);
    if (filter.channel) query.andWhere('u.channel = :channel', filter);
    if (filter.action) query.andWhere('u.action = :action', filter);
    if (filter.terminalId) query.andWhere('u.terminalId = :terminalId', filter);
    if (filter.from) query.andWhere('u.createdAt >= :from', filter);
    if (filter.to) query.andWhere('u.createdAt < :to', filter);
    const total = await query.getCount();
    const { entities, raw } = await query
      .orderBy(`u.${order.field}`, order.direction)
      .addOrderBy('u.id', order.direction)
      .offset((page - 1) * limit)
      .limit(limit)
      .getRawAndEntities<{ code: string | null }>();
    const items = entities.map((row, i): UsageView => ({
      id: row.id,
      discountId: row.discountId,
      code: raw[i]?.code ?? null,
      userId: row.userId,
      cashierId: row.cashierId,
      channel: row.channel,
      action: row.action,
      rejectCode: row.rejectCode,
      purchaseAmount: row.purchaseAmount,
      discountAmount: row.discountAmount,
      terminalId: row.terminalId,
      idempotencyKey: row.idempotencyKey,
      createdAt: row.createdAt,
    }));
    return { items, total, page, limit };
  }
}
