import { Module } from '@nestjs/common';
import { BirthdayFlow } from './birthday.flow';
import { ClientBotUpdate } from './client-bot.update';
import { ClientRegistry } from './client-registry';
import { ClientReplies } from './client-replies';
import { MyDiscountsDesk } from './my-discounts.desk';
import { SubscriptionFlow } from './subscription.flow';

/**
 * The client bot's update handlers (registered on the `client` bot only, SPEC 3): registration, the
 * channel subscription, the birthday dialog, «Мои скидки», help. State changes go through the users
 * module's commands; «Мои скидки» reads the discounts module's ListClientCodesQuery.
 */
@Module({
  providers: [
    ClientBotUpdate,
    ClientRegistry,
    ClientReplies,
    SubscriptionFlow,
    BirthdayFlow,
    MyDiscountsDesk,
  ],
})
export class ClientBotModule {}
