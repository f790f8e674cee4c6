import { Logger } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Not, Repository } from 'typeorm';
import { StaffTelegram } from '../../../infrastructure/telegram/telegram-senders';
import { Admin } from '../../staff/persistence/admin.entity';
import { applicationNotice } from '../domain/cashier-notices';
import { CashierRegisteredEvent } from '../../staff/events/cashier.events';
import { decisionKeyboard } from '../telegram/decision-buttons';

/**
 * Sends a new application to every active owner with a linked Telegram account, with the decision buttons.
 * An owner the bot cannot reach is logged and skipped; the application also waits in the admin API.
 */
@EventsHandler(CashierRegisteredEvent)
export class AskOwnersToDecideHandler implements IEventHandler<CashierRegisteredEvent> {
  private readonly logger = new Logger(AskOwnersToDecideHandler.name);

  constructor(
    @InjectRepository(Admin) private readonly admins: Repository<Admin>,
    private readonly telegram: StaffTelegram,
  ) {}

  async handle({ cashier, telegramUsername }: CashierRegisteredEvent): Promise<void> {
    const owners = await this.admins.find({
      where: { role: 'owner', isActive: true, telegramId: Not(IsNull()) },
    });
    if (owners.length === 0) {
      this.logger.warn(
        { cashierId: cashier.id },
        'No owner has linked Telegram: the application waits in the API',
      );
    }
    const text = applicationNotice(cashier, telegramUsername);
    await Promise.all(
      owners.map(async (owner) => {
        try {
          await this.telegram.sendMessage(Number(owner.telegramId), text, {
            parse_mode: 'HTML',
            reply_markup: decisionKeyboard(cashier.id),
          });
        } catch (error) {
          this.logger.warn(
            { err: error, adminId: owner.id, cashierId: cashier.id },
            'Could not ask an owner',
          );
        }
      }),
    );
  }
}
