import { Injectable, Logger } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { ExtraReplyMessage } from 'telegraf/typings/telegram-types';
import { StaffTelegram } from '../../../infrastructure/telegram/telegram-senders';
import { ListAdminsQuery } from '../../staff/queries/list-admins.query';

/** How a message to the owners went: owners it could go to, and owners who got it. */
export interface OwnersTold {
  reachable: number;
  told: number;
}

/**
 * Messages from the staff bot to every active owner with a linked Telegram account (alerts, applications
 * with their decision buttons). An owner the bot cannot reach is logged and skipped: what the message is
 * about is also in the admin API and the audit log. Answers how many owners could be reached (active, with
 * a linked Telegram id) and how many got the message.
 */
@Injectable()
export class OwnerMessages {
  private readonly logger = new Logger(OwnerMessages.name);

  constructor(
    private readonly queries: QueryBus,
    private readonly telegram: StaffTelegram,
  ) {}

  async send(
    html: string,
    extra: ExtraReplyMessage = {},
    about: Record<string, unknown> = {},
  ): Promise<OwnersTold> {
    const owners = await this.queries.execute(new ListAdminsQuery(1, 100, undefined, 'owner'));
    const reachable = owners.items.filter((owner) => owner.isActive && owner.telegramId !== null);
    if (reachable.length === 0) this.logger.warn(about, 'No owner has linked Telegram: nobody was told');
    const sent = await Promise.all(
      reachable.map(async (owner) => {
        try {
          await this.telegram.sendMessage(Number(owner.telegramId), html, { parse_mode: 'HTML', ...extra });
          return true;
        } catch (error) {
          this.logger.warn({ ...about, err: error, adminId: owner.id }, 'Could not reach an owner');
          return false;
        }
      }),
    );
    return { reachable: reachable.length, told: sent.filter(Boolean).length };
  }
}
