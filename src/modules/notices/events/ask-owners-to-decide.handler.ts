import { Logger } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { CashierRegisteredEvent } from '../../staff/events/cashier.events';
import { applicationNotice } from '../domain/cashier-notices';
import { OwnerMessages } from '../sending/owner-messages';
import { decisionKeyboard } from '../telegram/decision-buttons';

/**
 * Sends a new application to every active owner with a linked Telegram account, with the decision buttons.
 * An owner the bot cannot reach is logged and skipped; the application also waits in the admin API.
 */
@EventsHandler(CashierRegisteredEvent)
export class AskOwnersToDecideHandler implements IEventHandler<CashierRegisteredEvent> {
  private readonly logger = new Logger(AskOwnersToDecideHandler.name);

  constructor(private readonly owners: OwnerMessages) {}

  async handle({ cashier, telegramUsername }: CashierRegisteredEvent): Promise<void> {
    try {
      await this.owners.send(
        applicationNotice(cashier, telegramUsername),
        { reply_markup: decisionKeyboard(cashier.id) },
        { cashierId: cashier.id },
      );
    } catch (error) {
      this.logger.error({ err: error, cashierId: cashier.id }, 'Could not ask the owners');
    }
  }
}
