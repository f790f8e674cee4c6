import { Logger } from '@nestjs/common';
import { CommandBus, EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { UserDeletedEvent } from '../../users/events/user.events';
import { RevokeDiscountCommand } from '../commands/revoke-discount.command';
import { Discount } from '../persistence/discount.entity';

/**
 * A deleted client's personal codes that can still be used are revoked (each audited as
 * `discount.revoked`, noted "client deleted"): the person may register again as new, and must not keep a
 * working code of the old account beside the gifts of the new one.
 */
@EventsHandler(UserDeletedEvent)
export class RevokeCodesOfDeletedClientHandler implements IEventHandler<UserDeletedEvent> {
  private readonly logger = new Logger(RevokeCodesOfDeletedClientHandler.name);

  constructor(
    @InjectRepository(Discount) private readonly discounts: Repository<Discount>,
    private readonly commands: CommandBus,
  ) {}

  async handle({ userId, actor }: UserDeletedEvent): Promise<void> {
    try {
      // idx_discounts_user_status_created_at
      const active = await this.discounts.find({
        select: { code: true },
        where: { userId, status: 'active' },
      });
      for (const { code } of active) {
        // expired meanwhile (CODE_EXPIRED) or used a moment ago (CODE_ALREADY_USED): nothing left to revoke
        await this.commands
          .execute(new RevokeDiscountCommand(code, actor, 'client deleted'))
          .catch((error: unknown) =>
            this.logger.warn({ err: error, userId }, 'A code of a deleted client stays'),
          );
      }
    } catch (error) {
      this.logger.error({ err: error, userId }, 'Could not revoke the codes of a deleted client');
    }
  }
}
