import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DecideCashierHandler } from './commands/decide-cashier.command';
import { RegisterCashierHandler } from './commands/register-cashier.command';
import { RevokeCashierHandler } from './commands/revoke-cashier.command';
import { AskOwnersToDecideHandler } from '../notices/events/ask-owners-to-decide.handler';
import { TellCashierOfDecisionHandler } from '../notices/events/tell-cashier-of-decision.handler';
import { CashiersController } from './http/cashiers.controller';
import { Admin } from './persistence/admin.entity';
import { Cashier } from './persistence/cashier.entity';
import { GetCashierHandler } from './queries/get-cashier.query';
import { GetStaffMemberHandler } from './queries/get-staff-member.query';
import { ListCashiersHandler } from './queries/list-cashiers.query';

/**
 * Cashiers: applications through the staff bot, owners' decisions (bot or API; the first one wins),
 * revocation, the list; the owners and the cashier are told in the staff bot from whichever role decides.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Cashier, Admin])],
  controllers: [CashiersController],
  providers: [
    RegisterCashierHandler,
    DecideCashierHandler,
    RevokeCashierHandler,
    ListCashiersHandler,
    GetCashierHandler,
    GetStaffMemberHandler,
    AskOwnersToDecideHandler,
    TellCashierOfDecisionHandler,
  ],
})
export class CashiersModule {}
