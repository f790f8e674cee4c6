import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import { InjectBot } from 'nestjs-telegraf';
import { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import { TelegramWebhook } from '../../common/auth/access.decorators';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { updateShapeProblem } from './update-shape';

/**
 * Telegram's webhook calls, one route per bot. The access guard has checked the secret token header by
 * now; this hands the update to the bot and answers once it is handled: 200 when it was handled (a business
 * refusal or a recorded bug included, so Telegram does not repeat it), 503 SERVICE_UNAVAILABLE when an
 * outage kept it from being handled, so Telegram delivers it again (docs/RESILIENCE.md).
 */
@Controller('telegram')
export class TelegramWebhookController {
  constructor(
    @InjectBot('client') private readonly clientBot: Telegraf,
    @InjectBot('staff') private readonly staffBot: Telegraf,
  ) {}

  @Post('client')
  @HttpCode(200)
  @TelegramWebhook()
  @ApiExcludeEndpoint()
  client(@Body() body: unknown): Promise<void> {
    return this.handOver(this.clientBot, body);
  }

  @Post('staff')
  @HttpCode(200)
  @TelegramWebhook()
  @ApiExcludeEndpoint()
  staff(@Body() body: unknown): Promise<void> {
    return this.handOver(this.staffBot, body);
  }

  private async handOver(bot: Telegraf, body: unknown): Promise<void> {
    const problem = updateShapeProblem(body);
    if (problem) {
      const { field, error } = problem;
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        `The body is not a Telegram update: ${field} ${error}`,
        {
          fields: [{ field, errors: [error] }],
        },
      );
    }
    // Until the bot has met Telegram (getMe at start-up), 503 makes Telegram deliver the update again later.
    if (!bot.botInfo)
      throw new DomainError(ErrorCode.TELEGRAM_UNAVAILABLE, 'The bot is still connecting to Telegram');
    await bot.handleUpdate(body as Update);
  }
}
