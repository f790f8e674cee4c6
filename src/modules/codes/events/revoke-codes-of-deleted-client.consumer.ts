import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { DeliveredFact } from '../../../infrastructure/outbox/fact';
import { ConsumesFacts, OutboxConsumer } from '../../../infrastructure/outbox/outbox-consumer';
import { UserDeletedEvent } from '../../users/events/user.events';
import { RevokeDiscountCommand } from '../commands/revoke-discount.command';
import { Discount } from '../persistence/discount.entity';

/**
 * A deleted client's personal codes that can still be used are revoked (each audited as
 * `discount.revoked`, noted "client deleted"): the person may register again as new, and must not keep a
 * working code of the old account beside the gifts of the new one. An outbox consumer: run again after a
 * failure, it finds only the codes still active.
 */
@Injectable()
@OutboxConsumer('codes.revoke-codes-of-deleted-client', UserDeletedEvent)
export class RevokeCodesOfDeletedClientConsumer implements ConsumesFacts<UserDeletedEvent> {
  private readonly logger = new Logger(RevokeCodesOfDeletedClientConsumer.name);

  constructor(
    @InjectRepository(Discount) private readonly discounts: Repository<Discount>,
    private readonly commands: CommandBus,
  ) {}

  async handle({ fact: { userId, actor } }: DeliveredFact<UserDeletedEvent>): Promise<void> {
    // idx_discounts_user_status_created_at
    const active = await this.discounts.find({ select: { code: true }, where: { userId, status: 'active' } });
    for (const { code } of active) {
      try {
        await this.commands.execute(new RevokeDiscountCommand(code, actor, 'client deleted'));
      } catch (error) {
        // expired meanwhile (CODE_EXPIRED) or used a moment ago (CODE_ALREADY_USED): nothing left to revoke.
        // Anything else (an outage) is thrown: the delivery is tried again.
        if (!(error instanceof DomainError) || error.code === ErrorCode.SERVICE_UNAVAILABLE) throw error;
        this.logger.warn({ userId, code: error.code }, 'A code of a deleted client stays');
      }
    }
  }
}
