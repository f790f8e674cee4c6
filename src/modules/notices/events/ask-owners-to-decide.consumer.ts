import { Injectable } from '@nestjs/common';
import { DeliveredFact } from '../../../infrastructure/outbox/fact';
import { ConsumesFacts, OutboxConsumer } from '../../../infrastructure/outbox/outbox-consumer';
import { CashierRegisteredEvent } from '../../staff/events/cashier.events';
import { applicationNotice } from '../domain/cashier-notices';
import { OwnerMessages } from '../sending/owner-messages';
import { decisionKeyboard } from '../telegram/decision-buttons';

/**
 * Sends a new application to every active owner with a linked Telegram account, with the decision buttons.
 * An owner the bot cannot reach is logged and skipped; the application also waits in the admin API. An
 * outbox consumer: the owners are asked even when the process stopped right after the application, and
 * again later when no owner could be told because Telegram failed (a 429, a 5xx, the network).
 */
@Injectable()
@OutboxConsumer('notices.ask-owners-to-decide', CashierRegisteredEvent)
export class AskOwnersToDecideConsumer implements ConsumesFacts<CashierRegisteredEvent> {
  constructor(private readonly owners: OwnerMessages) {}

  async handle({
    fact: { cashier, telegramUsername },
  }: DeliveredFact<CashierRegisteredEvent>): Promise<void> {
    const result = await this.owners.send(
      applicationNotice(cashier, telegramUsername),
      { reply_markup: decisionKeyboard(cashier.id) },
      { cashierId: cashier.id },
    );
    // Nobody told because Telegram was away (not because owners blocked the bot): ask again later. Once one
    // owner has it, a retry would send it twice to them; the others find it in the admin API.
    if (result.told === 0 && result.transient > 0) throw result.transientError;
  }
}
