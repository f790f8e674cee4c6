import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { keepBotApiConnections } from './bot-api-agent';
import { ClientBotSendLimiter } from './client-bot-send-limiter';
import { ConversationStore } from './conversation-store';
import { SendLimiterMetrics } from './send-limiter-metrics';
import { ClientBotApiJson, ClientTelegram, StaffTelegram } from './telegram-senders';

/**
 * Telegram for every role: the two bots' senders, the client bot's shared send limiter and the dialog
 * store. Receiving updates is the `bots` role's BotsModule; sending works from any process.
 */
@Global()
@Module({
  providers: [
    {
      provide: StaffTelegram,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        keepBotApiConnections(new StaffTelegram(config.staffBotToken, { apiRoot: config.telegramApiRoot })),
    },
    {
      provide: ClientTelegram,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        keepBotApiConnections(new ClientTelegram(config.clientBotToken, { apiRoot: config.telegramApiRoot })),
    },
    {
      provide: ClientBotApiJson,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new ClientBotApiJson(config.telegramApiRoot, config.clientBotToken),
    },
    ClientBotSendLimiter,
    SendLimiterMetrics,
    ConversationStore,
  ],
  exports: [StaffTelegram, ClientTelegram, ClientBotApiJson, ClientBotSendLimiter, ConversationStore],
})
export class TelegramModule {}
