import { Command, CommandHandler, EventBus, ICommandHandler } from '@nestjs/cqrs';
import { Outbox } from '../../../infrastructure/outbox/outbox';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { checkCashierFullName } from '../domain/cashier-full-name';
import { CashierStatus } from '../domain/cashier-status';
import { CashierRegisteredEvent } from '../events/cashier.events';
import { Cashier } from '../persistence/cashier.entity';
import { toCashierView } from '../queries/cashier-view';
import { isDuplicateKey } from '../../../infrastructure/database/duplicate-key';

export interface RegisteredCashier {
  cashierId: number;
  /** As stored: tidied. */
  fullName: string;
  status: CashierStatus;
  /** False when this Telegram account had applied before: nothing changed, `status` is where it stands. */
  created: boolean;
}

/**
 * A person applies through the staff bot to be a cashier: a `pending` cashier, and the owners are asked.
 * VALIDATION_FAILED (with the broken rule) for a name that does not read as a full name; one application
 * per Telegram account, ever.
 */
export class RegisterCashierCommand extends Command<RegisteredCashier> {
  constructor(
    readonly telegramId: number,
    readonly fullName: string,
    readonly telegramUsername: string | null = null,
  ) {
    super();
  }
}

@CommandHandler(RegisterCashierCommand)
export class RegisterCashierHandler implements ICommandHandler<RegisterCashierCommand, RegisteredCashier> {
  constructor(
    @InjectRepository(Cashier) private readonly cashiers: Repository<Cashier>,
    private readonly events: EventBus,
    private readonly outbox: Outbox,
  ) {}

  async execute({
    telegramId,
    fullName,
    telegramUsername,
  }: RegisterCashierCommand): Promise<RegisteredCashier> {
    const name = checkCashierFullName(fullName);
    const existing = await this.cashiers.findOneBy({ telegramId });
    if (existing)
      return { cashierId: existing.id, fullName: existing.fullName, status: existing.status, created: false };
    try {
      const registered = await this.cashiers.manager.transaction(async (manager) => {
        const { identifiers } = await manager.insert(Cashier, {
          telegramId,
          fullName: name,
          status: 'pending',
        });
        const inserted = await manager.findOneByOrFail(Cashier, { id: Number(identifiers[0].id) });
        const fact = new CashierRegisteredEvent(toCashierView(inserted), telegramUsername);
        await this.outbox.record(manager, fact);
        return { cashier: inserted, fact };
      });
      this.events.publish(registered.fact);
      const { cashier } = registered;
      return { cashierId: cashier.id, fullName: cashier.fullName, status: cashier.status, created: true };
    } catch (error) {
      // The same person applying twice at once: the unique key lets one through.
      if (!isDuplicateKey(error)) throw error;
      const winner = await this.cashiers.findOneByOrFail({ telegramId });
      return { cashierId: winner.id, fullName: winner.fullName, status: winner.status, created: false };
    }
  }
}
