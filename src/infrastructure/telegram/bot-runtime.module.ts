import { Module } from '@nestjs/common';
import { BotLaunchers } from './bot-launchers';
import { TelegramWebhookController } from './telegram-webhook.controller';

/** How updates reach the two bots: the webhook routes and the launchers (webhook or long polling). */
@Module({
  controllers: [TelegramWebhookController],
  providers: [BotLaunchers],
})
export class BotRuntimeModule {}
