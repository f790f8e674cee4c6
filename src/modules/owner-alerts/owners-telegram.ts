import { Injectable, Logger } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { StaffTelegram } from '../../infrastructure/telegram/telegram-senders';
import { ListAdminsQuery } from '../staff/queries/list-admins.query';

/**
 * The one way this module reaches the owners: the staff bot, to every active owner with a linked Telegram
 * account, as the code-guessing pause alert does (discounts' TellOwnersOfPauseHandler). When the owners'
 * notices get their own home, this is the single call site to re-point. An owner the bot cannot reach is
 * logged and skipped. Answers how many owners could be reached and how many got the message.
 */
@Injectable()
export class OwnersTelegram {
  private readonly logger = new Logger(OwnersTelegram.name);

  constructor(
    private readonly queries: QueryBus,
    private readonly telegram: StaffTelegram,
  ) {}

  async tell(html: string): Promise<{ reachable: number; told: number }> {
    const owners = await this.queries.execute(new ListAdminsQuery(1, 100, undefined, 'owner'));
    const reachable = owners.items.filter((owner) => owner.isActive && owner.telegramId !== null);
    const told = await Promise.all(
      reachable.map(async (owner) => {
        try {
          await this.telegram.sendMessage(Number(owner.telegramId), html, { parse_mode: 'HTML' });
          return true;
        } catch (error) {
          this.logger.warn({ err: error, adminId: owner.id }, 'Could not tell an owner');
          return false;
        }
      }),
    );
    return { reachable: reachable.length, told: told.filter(Boolean).length };
  }
}
