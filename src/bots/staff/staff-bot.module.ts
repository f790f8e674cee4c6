import { Module } from '@nestjs/common';
import { AdminTelegramFlow } from './admin-telegram.flow';
import { BroadcastComposeFlow } from './broadcast-compose.flow';
import { CashierCodeDesk } from './cashier-code-desk';
import { CashierDecisionFlow } from './cashier-decision.flow';
import { CashierRegistrationFlow } from './cashier-registration.flow';
import { StaffBotUpdate } from './staff-bot.update';

/** The staff bot's update handlers (registered on the `staff` bot only). */
@Module({
  providers: [
    StaffBotUpdate,
    CashierRegistrationFlow,
    CashierDecisionFlow,
    AdminTelegramFlow,
    CashierCodeDesk,
    BroadcastComposeFlow,
  ],
})
export class StaffBotModule {}
