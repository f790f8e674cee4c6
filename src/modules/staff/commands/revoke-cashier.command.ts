import { Command, CommandHandler, EventBus, ICommandHandler } from '@nestjs/cqrs';
import { Outbox } from '../../../infrastructure/outbox/outbox';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../../../common/clock/clock';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { alreadyDecided, ensureMayDecide, ensureRevocable } from '../domain/cashier-status';
import { CashierRevokedEvent } from '../events/cashier.events';
import { Admin } from '../persistence/admin.entity';
import { Cashier } from '../persistence/cashier.entity';
import { CashierView, toCashierView } from '../queries/cashier-view';

/**
 * An owner takes back a cashier's access (or a pending application): `revoked`, effective on the cashier's
 * very next message, since the bot reads the status on every update. CASHIER_NOT_FOUND,
 * CASHIER_ALREADY_DECIDED for a rejected or revoked one, FORBIDDEN_ROLE for anyone but an active owner.
 */
export class RevokeCashierCommand extends Command<CashierView> {
  constructor(
    readonly cashierId: number,
    readonly adminId: number,
  ) {
    super();
  }
}

@CommandHandler(RevokeCashierCommand)
export class RevokeCashierHandler implements ICommandHandler<RevokeCashierCommand, CashierView> {
  constructor(
    @InjectRepository(Cashier) private readonly cashiers: Repository<Cashier>,
    @InjectRepository(Admin) private readonly admins: Repository<Admin>,
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly outbox: Outbox,
  ) {}

  async execute({ cashierId, adminId }: RevokeCashierCommand): Promise<CashierView> {
    ensureMayDecide(await this.admins.findOneBy({ id: adminId }));
    const before = await this.cashiers.findOneBy({ id: cashierId });
    if (!before)
      throw new DomainError(ErrorCode.CASHIER_NOT_FOUND, `No cashier #${cashierId}`, { cashierId });
    ensureRevocable(before);
    // Conditional on the status just read, so a concurrent decision is not silently overwritten.
    const revoked = await this.cashiers.manager.transaction(async (manager) => {
      const { affected } = await manager.update(
        Cashier,
        { id: cashierId, status: before.status },
        { status: 'revoked', decidedByAdminId: adminId, decidedAt: this.clock.now() },
      );
      const after = await manager.findOneByOrFail(Cashier, { id: cashierId });
      if (!affected) throw alreadyDecided(after);
      const fact = new CashierRevokedEvent(toCashierView(after), before.status, adminId);
      await this.outbox.record(manager, fact);
      return fact;
    });
    this.events.publish(revoked);
    return revoked.cashier;
  }
}
