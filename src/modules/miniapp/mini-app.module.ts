import { Module } from '@nestjs/common';
import { CheckCardSubscriptionHandler } from './commands/check-card-subscription.command';
import { CheckCodeAsCashierHandler } from './commands/check-code-as-cashier.command';
import { SaveCardBirthdayHandler } from './commands/save-card-birthday.command';
import {
  FollowCashierMenuButtonConsumer,
  MiniAppMenuButtons,
  SetMenuButtonsAtStartUp,
} from './events/mini-app-menu-buttons';
import { CashierScannerController } from './http/cashier-scanner.controller';
import { ClientCardController } from './http/client-card.controller';
import { GetClientCardHandler } from './queries/get-client-card.query';
import { GetScannerHandler } from './queries/get-scanner.query';

/**
 * Telegram Mini Apps (docs/MINI_APPS.md): the client's card and the cashier's scanner, their API under
 * /webapp/v1 (initData of the right bot, @MiniAppAccess). Their pages are a web bundle like the admin
 * panel (WEB_BUNDLES in src/infrastructure/web/web-bundle.ts), which leaves /webapp/v1 to these routes.
 * Everything goes through the other modules' commands and queries; CheckCodeAsCashierCommand is also the
 * staff bot's code check.
 */
@Module({
  controllers: [ClientCardController, CashierScannerController],
  providers: [
    GetClientCardHandler,
    SaveCardBirthdayHandler,
    CheckCardSubscriptionHandler,
    GetScannerHandler,
    CheckCodeAsCashierHandler,
    MiniAppMenuButtons,
    SetMenuButtonsAtStartUp,
    FollowCashierMenuButtonConsumer,
  ],
})
export class MiniAppModule {}
