import { Logger } from '@nestjs/common';
import { Command, CommandHandler, EventBus, ICommandHandler } from '@nestjs/cqrs';
import { Actor } from '../../../common/audit/audit-entry';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { checkBroadcastContent } from '../domain/broadcast-content';
import { BroadcastEvent } from '../events/broadcast.events';
import { BroadcastRecords } from '../persistence/broadcast-records';
import { failureOf } from '../../notices/domain/telegram-failure';
import { BroadcastMessage } from '../sending/broadcast-message';

/**
 * Sends a broadcast once, as clients will see it (through the client bot), to the calling admin's linked
 * Telegram account; any status, nothing recorded as a delivery. TELEGRAM_UNAVAILABLE when the admin has no
 * linked account, has not started the client bot, or Telegram does not answer.
 */
export class SendTestBroadcastCommand extends Command<{ chatId: number; messageId: number }> {
  constructor(
    readonly id: number,
    readonly telegramId: number | null,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(SendTestBroadcastCommand)
export class SendTestBroadcastHandler implements ICommandHandler<
  SendTestBroadcastCommand,
  { chatId: number; messageId: number }
> {
  private readonly logger = new Logger(SendTestBroadcastHandler.name);

  constructor(
    private readonly records: BroadcastRecords,
    private readonly message: BroadcastMessage,
    private readonly events: EventBus,
  ) {}

  async execute({ id, telegramId, actor }: SendTestBroadcastCommand) {
    const broadcast = await this.records.get(id);
    if (telegramId === null) {
      throw new DomainError(
        ErrorCode.TELEGRAM_UNAVAILABLE,
        'Your admin account has no linked Telegram account: get a code from POST /api/v1/auth/link-code ' +
          'and send /link <code> to the staff bot, then start the client bot',
        { reason: 'telegram_not_linked' },
      );
    }
    checkBroadcastContent(broadcast);
    let messageId: number;
    try {
      ({ message_id: messageId } = await this.message.call(telegramId, broadcast, false));
    } catch (error) {
      const failure = failureOf(error);
      this.logger.warn({ err: error, broadcastId: id }, 'Test send of a broadcast failed');
      const unreachable =
        failure.telegramCode === 403 ||
        (failure.telegramCode === 400 && /chat not found/i.test(failure.description ?? ''));
      const reason = unreachable
        ? 'client_bot_not_started'
        : failure.telegramCode
          ? 'telegram_refused'
          : 'telegram_error';
      const messages = {
        client_bot_not_started:
          'Telegram cannot reach your account: open the client bot and press Start first',
        telegram_refused: `Telegram refused the message: ${failure.description ?? failure.telegramCode}`,
        telegram_error: 'Telegram did not answer; try again later',
      };
      throw new DomainError(ErrorCode.TELEGRAM_UNAVAILABLE, messages[reason], { reason, telegram: failure });
    }
    this.events.publish(new BroadcastEvent('broadcast.test_sent', id, actor, { messageId }));
    return { chatId: telegramId, messageId };
  }
}
