import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Page, sortOrder } from '../../../common/pagination/page-query.dto';
import { CashierStatus } from '../domain/cashier-status';
import { Cashier } from '../persistence/cashier.entity';
import { CashierView, toCashierView } from './cashier-view';

export interface CashierFilter {
  status?: CashierStatus;
  /** Part of the full name, any case. */
  q?: string;
}

const SORTABLE = ['id', 'fullName', 'status', 'createdAt', 'decidedAt'] as const;

/** A page of cashiers, newest applications first unless `sort` says otherwise. */
export class ListCashiersQuery extends Query<Page<CashierView>> {
  constructor(
    readonly filter: CashierFilter,
    readonly page: number,
    readonly limit: number,
    readonly sort?: string,
  ) {
    super();
  }
}

@QueryHandler(ListCashiersQuery)
export class ListCashiersHandler implements IQueryHandler<ListCashiersQuery, Page<CashierView>> {
  constructor(@InjectRepository(Cashier) private readonly cashiers: Repository<Cashier>) {}

  async execute({ filter, page, limit, sort }: ListCashiersQuery): Promise<Page<CashierView>> {
    const order = sortOrder(sort, SORTABLE, { field: 'createdAt', direction: 'DESC' });
    const query = this.cashiers
      .createQueryBuilder('cashier')
      .orderBy(`cashier.${order.field}`, order.direction)
      .addOrderBy('cashier.id', order.direction)
      .offset((page - 1) * limit)
      .limit(limit);
    if (filter.status) query.andWhere('cashier.status = :status', { status: filter.status });
    const q = filter.q?.trim();
    // utf8mb4_unicode_ci compares without case, so LIKE needs no LOWER(); `\` is LIKE's escape character.
    if (q) query.andWhere('cashier.fullName LIKE :q', { q: `%${escapeLike(q)}%` });
    const [rows, total] = await query.getManyAndCount();
    return { items: rows.map(toCashierView), total, page, limit };
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
