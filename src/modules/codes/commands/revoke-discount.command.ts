import { Command, CommandHandler, EventBus, ICommandHandler } from '@nestjs/cqrs';
import { Outbox } from '../../../infrastructure/outbox/outbox';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Actor } from '../../../common/audit/audit-entry';
import { Clock } from '../../../common/clock/clock';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { normalizeCode } from '../domain/discount-code';
import { effectiveStatus } from '../domain/redemption-rules';
import { DiscountRevokedEvent } from '../events/discount.events';
import { Discount } from '../persistence/discount.entity';
import { DiscountView, toDiscountView } from '../queries/discount-view';

/**
 * Revokes a code that can still be used (conditional UPDATE, so it cannot cross a redemption). Revoking a
 * revoked code changes nothing and answers the code; a used one is CODE_ALREADY_USED, an expired one
 * CODE_EXPIRED.
 */
export class RevokeDiscountCommand extends Command<DiscountView> {
  constructor(
    readonly code: string,
    readonly actor: Actor,
    readonly note: string | null = null,
  ) {
    super();
  }
}

@CommandHandler(RevokeDiscountCommand)
export class RevokeDiscountHandler implements ICommandHandler<RevokeDiscountCommand, DiscountView> {
  constructor(
    @InjectRepository(Discount) private readonly discounts: Repository<Discount>,
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly outbox: Outbox,
  ) {}

  async execute({ code, actor, note }: RevokeDiscountCommand): Promise<DiscountView> {
    const now = this.clock.now();
    const found = await this.discounts.findOneBy({ code: normalizeCode(code) });
    if (!found) throw new DomainError(ErrorCode.DISCOUNT_NOT_FOUND, 'No such code');
    const revoked = new DiscountRevokedEvent(found.id, found.code, found.userId, actor, note);
    const { affected, after } = await this.discounts.manager.transaction(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(Discount)
        .set({ status: 'revoked' })
        .where("id = :id AND status = 'active' AND (expires_at IS NULL OR expires_at > :now)", {
          id: found.id,
          now,
        })
        .execute();
      if (result.affected === 1) await this.outbox.record(manager, revoked);
      return { affected: result.affected, after: await manager.findOneByOrFail(Discount, { id: found.id }) };
    });
    if (affected === 1) {
      this.events.publish(revoked);
      return toDiscountView(after, now);
    }
    switch (effectiveStatus(after, now)) {
      case 'revoked':
        return toDiscountView(after, now);
      case 'used':
        throw new DomainError(ErrorCode.CODE_ALREADY_USED, 'The code has already been redeemed', {
          code: after.code,
          usedAt: after.usedAt?.toISOString() ?? null,
        });
      default:
        throw new DomainError(ErrorCode.CODE_EXPIRED, 'The code has expired', {
          code: after.code,
          expiresAt: after.expiresAt?.toISOString() ?? null,
        });
    }
  }
}
