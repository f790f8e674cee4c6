import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Discount } from '../persistence/discount.entity';

/** Marks active codes whose expires_at has passed as `expired`; returns how many. Safe to run twice. */
export class ExpireDiscountsCommand extends Command<{ expired: number }> {
  constructor(readonly now: Date) {
    super();
  }
}

@CommandHandler(ExpireDiscountsCommand)
export class ExpireDiscountsHandler implements ICommandHandler<ExpireDiscountsCommand, { expired: number }> {
  constructor(@InjectRepository(Discount) private readonly discounts: Repository<Discount>) {}

  async execute({ now }: ExpireDiscountsCommand): Promise<{ expired: number }> {
    // Served by the (status, expires_at) index.
    const result = await this.discounts
      .createQueryBuilder()
      .update()
      .set({ status: 'expired' })
      .where('status = :active AND expires_at <= :now', { active: 'active', now })
      .execute();
    return { expired: result.affected ?? 0 };
  }
}
