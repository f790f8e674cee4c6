import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DecideCashierHandler } from './commands/decide-cashier.command';
import { RecordFailedCheckHandler } from './commands/record-failed-check.command';
import { RegisterCashierHandler } from './commands/register-cashier.command';
import { RevokeCashierHandler } from './commands/revoke-cashier.command';
import { CashiersController } from './http/cashiers.controller';
import { Admin } from './persistence/admin.entity';
import { Cashier } from './persistence/cashier.entity';
import { CheckGuard } from './persistence/check-guard';
import { GetCashierHandler } from './queries/get-cashier.query';
import { GetChecksPauseHandler } from './queries/get-checks-pause.query';
import { GetStaffMemberHandler } from './queries/get-staff-member.query';
import { ListCashiersHandler } from './queries/list-cashiers.query';

/**
 * Cashiers: applications through the staff bot, owners' decisions (bot or API; the first one wins),
 * revocation, the list, and the guard against code guessing (failed checks pause a cashier's checks). The
 * notices module tells the owners and the cashier, reacting to this module's events.
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
    CheckGuard,
    RecordFailedCheckHandler,
    GetChecksPauseHandler,
  ],
})
export class CashiersModule {}
