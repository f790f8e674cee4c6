import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Page } from '../../../common/pagination/page-query.dto';
import { AuditLog } from '../persistence/audit-log.entity';

export interface AuditLogFilter {
  actorType?: string;
  actorId?: string;
  /** An exact action (`discount.redeemed`) or a family ending in a dot (`discount.`). */
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
}

/** Audit log lines, newest first, filtered; served by the (created_at), (actor…), (action…) and (entity…) indexes. */
export class ListAuditLogsQuery extends Query<Page<AuditLog>> {
  constructor(
    readonly filter: AuditLogFilter,
    readonly page: number,
    readonly limit: number,
    readonly ascending = false,
  ) {
    super();
  }
}

@QueryHandler(ListAuditLogsQuery)
export class ListAuditLogsHandler implements IQueryHandler<ListAuditLogsQuery, Page<AuditLog>> {
  constructor(@InjectRepository(AuditLog) private readonly logs: Repository<AuditLog>) {}

  async execute({ filter, page, limit, ascending }: ListAuditLogsQuery): Promise<Page<AuditLog>> {
    const query = this.logs.createQueryBuilder('log');
    if (filter.actorType) query.andWhere('log.actorType = :actorType', { actorType: filter.actorType });
    if (filter.actorId) query.andWhere('log.actorId = :actorId', { actorId: filter.actorId });
    if (filter.action?.endsWith('.'))
      query.andWhere('log.action LIKE :family', { family: `${filter.action}%` });
    else if (filter.action) query.andWhere('log.action = :action', { action: filter.action });
    if (filter.entityType) query.andWhere('log.entityType = :entityType', { entityType: filter.entityType });
    if (filter.entityId) query.andWhere('log.entityId = :entityId', { entityId: filter.entityId });
    if (filter.from) query.andWhere('log.createdAt >= :from', { from: filter.from });
    if (filter.to) query.andWhere('log.createdAt < :to', { to: filter.to });
    const direction = ascending ? 'ASC' : 'DESC';
    const [items, total] = await query
      .orderBy('log.createdAt', direction)
      .addOrderBy('log.id', direction)
      .skip((page - 1) * limit)
      .take(limit)
      .getManyAndCount();
    return { items, total, page, limit };
  }
}
