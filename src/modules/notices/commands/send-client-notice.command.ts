import { Logger } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { Clock } from '../../../common/clock/clock';
import { JobName, JobPayloads } from '../../../infrastructure/queues/jobs';
import {
  ClientBotSendLimiter,
  clientBotSendRate,
} from '../../../infrastructure/telegram/client-bot-send-limiter';
import { ClientTelegram } from '../../../infrastructure/telegram/telegram-senders';
import { MessageKey, MessageValues } from '../../message-templates/domain/message-catalog';
import { RenderMessageQuery } from '../../message-templates/queries/render-message.query';
import { GetSettingQuery } from '../../settings/queries/get-setting.query';
import { MarkClientBlockedCommand } from '../../users/commands/mark-client-blocked.command';
import { formatValue } from '../../codes/domain/discount-value';
import { failureOf, telegramVerdict } from '../domain/telegram-failure';
import { effectiveStatus } from '../../codes/domain/redemption-rules';
import { expiryText } from '../../codes/domain/shop-time-text';
import { NoticeFacts, NoticeFactsReader } from '../persistence/notice-facts';

export type ClientNotice = JobPayloads[JobName.NotifyClient];

export type ClientNoticeResult =
  | { sent: true; messageId: number }
  | {
      sent: false;
      /**
       * gone: the code or client no longer exists; unreachable: no Telegram id or not active; stale: the
       * code is no longer usable (announcements only); blocked: Telegram says the client blocked the bot
       * (now marked); refused: a 400 that would fail again.
       */
      reason: 'gone' | 'unreachable' | 'stale' | 'blocked' | 'refused';
    };

/**
 * Telegram answered 429 (to this notice, or to any client bot send: the shared limiter is paused): the whole
 * notifications queue waits `retryAfterMs`, then this notice goes again.
 */
export class NoticeRateLimitedError extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`Telegram asked to wait ${retryAfterMs} ms`);
  }
}

/**
 * Sends one message to a client in the client bot about a code: a new code (`discount_issued`; the birthday
 * greeting `birthday_greeting` for a birthday gift) or a redemption (`discount_redeemed`). Reads the code
 * and the client when it runs. The send takes its slot from the client bot's limiter, shared with broadcasts. A 403
 * marks the client blocked (MarkClientBlockedCommand); a 429 pauses every client bot sender and throws
 * NoticeRateLimitedError, as does a pause already running; a 5xx or a network failure throws for a retry.
 */
export class SendClientNoticeCommand extends Command<ClientNoticeResult> {
  constructor(readonly notice: ClientNotice) {
    super();
  }
}

@CommandHandler(SendClientNoticeCommand)
export class SendClientNoticeHandler implements ICommandHandler<SendClientNoticeCommand, ClientNoticeResult> {
  private readonly logger = new Logger(SendClientNoticeHandler.name);

  constructor(
    private readonly facts: NoticeFactsReader,
    private readonly telegram: ClientTelegram,
    private readonly limiter: ClientBotSendLimiter,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  async execute({ notice }: SendClientNoticeCommand): Promise<ClientNoticeResult> {
    const recipient = notice.notice === 'discount_redeemed' ? notice.userId : null;
    const facts = await this.facts.read(notice.discountId, recipient);
    if (!facts) return { sent: false, reason: 'gone' };
    if (facts.telegramId === null || facts.userStatus !== 'active')
      return { sent: false, reason: 'unreachable' };
    if (notice.notice === 'discount_issued') {
      const usable = effectiveStatus(facts, this.clock.now()) === 'active' && facts.suspendedAt === null;
      if (!usable) return { sent: false, reason: 'stale' };
    }
    const html = await this.render(notice, facts);
    return this.send(facts.telegramId, html, notice);
  }

  private async render(notice: ClientNotice, facts: NoticeFacts): Promise<string> {
    const value = formatValue(facts.kind, facts.value);
    if (notice.notice === 'discount_redeemed') {
      return this.text('discount_redeemed', { code: facts.code, value });
    }
    const timezone = await this.queries.execute(new GetSettingQuery('shop.timezone'));
    const common = {
      first_name: facts.firstName ?? '',
      code: facts.code,
      value,
      expires_at: expiryText(facts.expiresAt, timezone),
    };
    return facts.reason === 'birthday'
      ? this.text('birthday_greeting', common)
      : this.text('discount_issued', { ...common, description: facts.description ?? '' });
  }

  private text<K extends MessageKey>(key: K, values: MessageValues<K>): Promise<string> {
    return this.queries.execute(new RenderMessageQuery(key, values));
  }

  /**
   * Waits for a slot of the client bot's send limiter. The rate is `broadcast.rate_per_second`, the one
   * budget the owner sets for the client bot's bulk sending: notices and broadcasts go through the same token
   * and Telegram counts them together, so they share one rate (a setting of their own would let the two add
   * up past Telegram's limit again); a notice is never a paid broadcast, so it is held to the free limit. While a 429 pause runs (from any sender), the
   * notice goes back to the queue instead of holding a worker for the rest of the pause.
   */
  private async takeSlot(): Promise<void> {
    const pausedFor = await this.limiter.pausedFor();
    if (pausedFor > 0) throw new NoticeRateLimitedError(pausedFor);
    const rate = await this.queries.execute(new GetSettingQuery('broadcast.rate_per_second'));
    await this.limiter.acquire(clientBotSendRate(rate, false), () => false);
  }

  private async send(telegramId: number, html: string, notice: ClientNotice): Promise<ClientNoticeResult> {
    await this.takeSlot();
    try {
      const message = await this.telegram.sendMessage(telegramId, html, { parse_mode: 'HTML' });
      return { sent: true, messageId: message.message_id };
    } catch (error) {
      const verdict = telegramVerdict(failureOf(error));
      switch (verdict.kind) {
        case 'blocked':
          await this.commands.execute(new MarkClientBlockedCommand(telegramId));
          return { sent: false, reason: 'blocked' };
        case 'rateLimited':
          // Broadcast sends wait too: the same bot is over its limit for all of them.
          await this.limiter.pause(verdict.retryAfterSeconds);
          throw new NoticeRateLimitedError(verdict.retryAfterSeconds * 1000);
        case 'refused':
          this.logger.warn({ err: error, notice }, 'Telegram refused a client notice');
          return { sent: false, reason: 'refused' };
        default:
          // retry, and unknown too: an announcement that may arrive twice beats one that never does.
          throw error;
      }
    }
  }
}
