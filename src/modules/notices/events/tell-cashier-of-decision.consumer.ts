import { Injectable, Logger } from '@nestjs/common';
import { StaffTelegram } from '../../../infrastructure/telegram/telegram-senders';
import { DeliveredFact } from '../../../infrastructure/outbox/fact';
import { ConsumesFacts, OutboxConsumer } from '../../../infrastructure/outbox/outbox-consumer';
import { decisionNotice } from '../domain/cashier-notices';
import { failureOf, telegramVerdict } from '../domain/telegram-failure';
import {
  CashierApprovedEvent,
  CashierDecisionEvent,
  CashierRejectedEvent,
  CashierRevokedEvent,
} from '../../staff/events/cashier.events';

/**
 * Tells the cashier in the staff bot what an owner decided, whether in the bot or through the API. An
 * outbox consumer under the one Telegram failure policy: a cashier who blocked the bot, or a message
 * Telegram refuses, is given up (the decision stands and is audited either way); a 429, a 5xx or a
 * network failure is tried again later.
 */
@Injectable()
@OutboxConsumer(
  'notices.tell-cashier-of-decision',
  CashierApprovedEvent,
  CashierRejectedEvent,
  CashierRevokedEvent,
)
export class TellCashierOfDecisionConsumer implements ConsumesFacts<CashierDecisionEvent> {
  private readonly logger = new Logger(TellCashierOfDecisionConsumer.name);

  constructor(private readonly telegram: StaffTelegram) {}

  async handle({ fact: { cashier } }: DeliveredFact<CashierDecisionEvent>): Promise<void> {
    try {
      await this.telegram.sendMessage(cashier.telegramId, decisionNotice(cashier.status));
    } catch (error) {
      const verdict = telegramVerdict(failureOf(error));
      if (verdict.kind !== 'blocked' && verdict.kind !== 'refused') throw error;
      this.logger.warn(
        { err: error, cashierId: cashier.id },
        'Could not tell the cashier about the decision',
      );
    }
  }
}
