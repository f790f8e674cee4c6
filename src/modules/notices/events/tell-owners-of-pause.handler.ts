import { Logger } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { escapeHtml } from '../../message-templates/domain/render-message';
import { CashierChecksPausedEvent } from '../../staff/events/cashier-checks.events';
import { OwnerMessages } from '../sending/owner-messages';

/** The owners' notice of a pause (Telegram HTML). */
export function pauseNotice(event: CashierChecksPausedEvent): string {
  return (
    '⚠️ <b>Подозрение на подбор кодов</b>\n\n' +
    `Кассир <b>${escapeHtml(event.cashier.fullName)}</b> ввёл ${event.failures} неверных кодов за минуту. ` +
    `Проверка кодов для него приостановлена на ${Math.round(event.pauseSeconds / 60)} мин.`
  );
}

/**
 * Tells every active owner with a linked Telegram account that a cashier's checks were paused (once per
 * pause: the event is). An owner the bot cannot reach is logged and skipped; the audit log has it too.
 */
@EventsHandler(CashierChecksPausedEvent)
export class TellOwnersOfPauseHandler implements IEventHandler<CashierChecksPausedEvent> {
  private readonly logger = new Logger(TellOwnersOfPauseHandler.name);

  constructor(private readonly owners: OwnerMessages) {}

  async handle(event: CashierChecksPausedEvent): Promise<void> {
    try {
      await this.owners.send(pauseNotice(event), {}, { cashierId: event.cashier.id });
    } catch (error) {
      this.logger.error(
        { err: error, cashierId: event.cashier.id },
        'Could not tell the owners about a pause',
      );
    }
  }
}
