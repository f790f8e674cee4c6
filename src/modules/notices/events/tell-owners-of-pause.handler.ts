import { Logger } from '@nestjs/common';
import { EventsHandler, IEventHandler, QueryBus } from '@nestjs/cqrs';
import { StaffTelegram } from '../../../infrastructure/telegram/telegram-senders';
import { escapeHtml } from '../../message-templates/domain/render-message';
import { ListAdminsQuery } from '../../staff/queries/list-admins.query';
import { CashierChecksPausedEvent } from '../../gifts/events/gift.events';

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

  constructor(
    private readonly queries: QueryBus,
    private readonly telegram: StaffTelegram,
  ) {}

  async handle(event: CashierChecksPausedEvent): Promise<void> {
    try {
      const owners = await this.queries.execute(new ListAdminsQuery(1, 100, undefined, 'owner'));
      const reachable = owners.items.filter((owner) => owner.isActive && owner.telegramId !== null);
      const text = pauseNotice(event);
      await Promise.all(
        reachable.map(async (owner) => {
          try {
            await this.telegram.sendMessage(Number(owner.telegramId), text, { parse_mode: 'HTML' });
          } catch (error) {
            this.logger.warn({ err: error, adminId: owner.id }, 'Could not tell an owner about a pause');
          }
        }),
      );
    } catch (error) {
      this.logger.error(
        { err: error, cashierId: event.cashier.id },
        'Could not tell the owners about a pause',
      );
    }
  }
}
