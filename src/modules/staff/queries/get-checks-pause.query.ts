import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { CheckGuard } from '../persistence/check-guard';

/** Seconds left of a cashier's pause of code checks (rounded up); 0 when they may check. */
export class GetChecksPauseQuery extends Query<number> {
  constructor(readonly cashierId: number) {
    super();
  }
}

@QueryHandler(GetChecksPauseQuery)
export class GetChecksPauseHandler implements IQueryHandler<GetChecksPauseQuery, number> {
  constructor(private readonly guard: CheckGuard) {}

  async execute({ cashierId }: GetChecksPauseQuery): Promise<number> {
    return Math.ceil((await this.guard.pausedFor(cashierId)) / 1000);
  }
}
