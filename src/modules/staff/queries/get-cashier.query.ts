import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { Cashier } from '../persistence/cashier.entity';
import { CashierView, toCashierView } from './cashier-view';

/** One cashier by id; CASHIER_NOT_FOUND when there is none. */
export class GetCashierQuery extends Query<CashierView> {
  constructor(readonly cashierId: number) {
    super();
  }
}

@QueryHandler(GetCashierQuery)
export class GetCashierHandler implements IQueryHandler<GetCashierQuery, CashierView> {
  constructor(@InjectRepository(Cashier) private readonly cashiers: Repository<Cashier>) {}

  async execute({ cashierId }: GetCashierQuery): Promise<CashierView> {
    const cashier = await this.cashiers.findOneBy({ id: cashierId });
    if (!cashier)
      throw new DomainError(ErrorCode.CASHIER_NOT_FOUND, `No cashier #${cashierId}`, { cashierId });
    return toCashierView(cashier);
  }
}
