import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminAccounts } from './commands/admin-accounts';
import { CreateAdminHandler } from './commands/create-admin.command';
import { DeleteAdminHandler } from './commands/delete-admin.command';
import { ResetAdminPasswordHandler } from './commands/reset-admin-password.command';
import { UpdateAdminHandler } from './commands/update-admin.command';
import { AdminsController } from './http/admins.controller';
import { Admin } from './persistence/admin.entity';
import { GetAdminHandler, ListAdminsHandler } from './queries/list-admins.query';

/** Admin accounts: created, changed and removed by owners; the shop always keeps an active owner. */
@Module({
  imports: [TypeOrmModule.forFeature([Admin])],
  controllers: [AdminsController],
  providers: [
    AdminAccounts,
    CreateAdminHandler,
    UpdateAdminHandler,
    ResetAdminPasswordHandler,
    DeleteAdminHandler,
    ListAdminsHandler,
    GetAdminHandler,
  ],
})
export class AdminsModule {}
