import { Logger } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { StaffTelegram } from '../../../infrastructure/telegram/telegram-senders';
import { decisionNotice } from '../domain/cashier-notices';
import {
  CashierApprovedEvent,
  CashierDecisionEvent,
  CashierRejectedEvent,
  CashierRevokedEvent,
} from '../../staff/events/cashier.events';

/** Tells the cashier in the staff bot what an owner decided, whether in the bot or through the API. */
@EventsHandler(CashierApprovedEvent, CashierRejectedEvent, CashierRevokedEvent)
export class TellCashierOfDecisionHandler implements IEventHandler<CashierDecisionEvent> {
  private readonly logger = new Logger(TellCashierOfDecisionHandler.name);

  constructor(private readonly telegram: StaffTelegram) {}

  async handle({ cashier }: CashierDecisionEvent): Promise<void> {
    try {
      await this.telegram.sendMessage(cashier.telegramId, decisionNotice(cashier.status));
    } catch (error) {
      // The cashier may have blocked the bot; the decision stands and is audited either way.
      this.logger.warn(
        { err: error, cashierId: cashier.id },
        'Could not tell the cashier about the decision',
      );
    }
  }
}
