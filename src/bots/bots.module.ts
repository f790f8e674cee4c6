import { Module } from '@nestjs/common';
import { TelegrafModule } from 'nestjs-telegraf';
import { BotRuntimeModule } from '../infrastructure/telegram/bot-runtime.module';
import { botModuleOptions } from '../infrastructure/telegram/bot-module-options';
import { ClientBotModule } from './client/client-bot.module';
import { StaffBotModule } from './staff/staff-bot.module';

/** The `bots` role: the client and staff bots, their handlers, and how updates reach them. */
@Module({
  imports: [
    TelegrafModule.forRootAsync(botModuleOptions('client', ClientBotModule)),
    TelegrafModule.forRootAsync(botModuleOptions('staff', StaffBotModule)),
    ClientBotModule,
    StaffBotModule,
    BotRuntimeModule,
  ],
})
export class BotsModule {}
