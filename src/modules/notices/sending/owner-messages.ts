import { Injectable, Logger } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { ExtraReplyMessage } from 'telegraf/typings/telegram-types';
import { StaffTelegram } from '../../../infrastructure/telegram/telegram-senders';
import { ListAdminsQuery } from '../../staff/queries/list-admins.query';
import { failureOf, telegramVerdict } from '../domain/telegram-failure';

/** How a message to the owners went: owners it could go to, and owners who got it. */
export interface OwnersTold {
  reachable: number;
  told: number;
  /**
   * Owners missed because of a failure worth trying again (a 429, a 5xx, the network), with the first such
   * error: a caller that can retry (an outbox consumer) does so when nobody was told.
   */
  transient: number;
  transientError?: unknown;
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
      reachable.map(async (owner): Promise<{ told: true } | { told: false; transient: unknown }> => {
        try {
          await this.telegram.sendMessage(Number(owner.telegramId), html, { parse_mode: 'HTML', ...extra });
          return { told: true };
        } catch (error) {
          this.logger.warn({ ...about, err: error, adminId: owner.id }, 'Could not reach an owner');
          const { kind } = telegramVerdict(failureOf(error));
          return { told: false, transient: kind === 'blocked' || kind === 'refused' ? undefined : error };
        }
      }),
    );
    const transient = sent.flatMap((result) =>
      !result.told && result.transient !== undefined ? [result.transient] : [],
    );
    return {
      reachable: reachable.length,
      told: sent.filter((result) => result.told).length,
      transient: transient.length,
      transientError: transient[0],
    };
  }
}
