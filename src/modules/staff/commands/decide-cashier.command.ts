import { Command, CommandHandler, EventBus, ICommandHandler } from '@nestjs/cqrs';
import { Outbox } from '../../../infrastructure/outbox/outbox';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../../../common/clock/clock';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { alreadyDecided, CashierDecision, ensureMayDecide, statusAfter } from '../domain/cashier-status';
import { CashierApprovedEvent, CashierRejectedEvent } from '../events/cashier.events';
import { Admin } from '../persistence/admin.entity';
import { Cashier } from '../persistence/cashier.entity';
import { CashierView, toCashierView } from '../queries/cashier-view';

/**
 * An owner approves or rejects a pending application. The first decision wins, under any concurrency: a
 * conditional UPDATE (`... AND status = 'pending'`) checked by affected rows; a later one gets
 * CASHIER_ALREADY_DECIDED and changes nothing. CASHIER_NOT_FOUND, FORBIDDEN_ROLE for anyone but an active
 * owner. Audited; the cashier is told in the staff bot.
 */
export class DecideCashierCommand extends Command<CashierView> {
  constructor(
    readonly cashierId: number,
    readonly decision: CashierDecision,
    readonly adminId: number,
  ) {
    super();
  }
}

@CommandHandler(DecideCashierCommand)
export class DecideCashierHandler implements ICommandHandler<DecideCashierCommand, CashierView> {
  constructor(
    @InjectRepository(Cashier) private readonly cashiers: Repository<Cashier>,
    @InjectRepository(Admin) private readonly admins: Repository<Admin>,
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly outbox: Outbox,
  ) {}

  async execute({ cashierId, decision, adminId }: DecideCashierCommand): Promise<CashierView> {
    ensureMayDecide(await this.admins.findOneBy({ id: adminId }));
    const decided = await this.cashiers.manager.transaction(async (manager) => {
      const { affected } = await manager.update(
        Cashier,
        { id: cashierId, status: 'pending' },
        { status: statusAfter(decision), decidedByAdminId: adminId, decidedAt: this.clock.now() },
      );
      const cashier = await manager.findOneBy(Cashier, { id: cashierId });
      if (!cashier)
        throw new DomainError(ErrorCode.CASHIER_NOT_FOUND, `No cashier #${cashierId}`, { cashierId });
      if (!affected) throw alreadyDecided(cashier);
      const view = toCashierView(cashier);
      const fact =
        decision === 'approve'
          ? new CashierApprovedEvent(view, 'pending', adminId)
          : new CashierRejectedEvent(view, 'pending', adminId);
      await this.outbox.record(manager, fact);
      return fact;
    });
    this.events.publish(decided);
    return decided.cashier;
  }
}
