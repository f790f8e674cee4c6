import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BulkTagUsersHandler } from './commands/bulk-tag-users.command';
import { DeleteUserHandler } from './commands/delete-user.command';
import { MarkClientBlockedHandler } from './commands/mark-client-blocked.command';
import { RecordClientVisitHandler } from './commands/record-client-visit.command';
import { SetBirthDateHandler } from './commands/set-birth-date.command';
import { SetSubscriptionHandler } from './commands/set-subscription.command';
import { UpdateUserHandler } from './commands/update-user.command';
import { UsersController } from './http/users.controller';
import { User } from './persistence/user.entity';
import { ExportUsersHandler } from './queries/export-users.query';
import { FindClientHandler } from './queries/find-client.query';
import { GetClientContactHandler } from './queries/get-client-contact.query';
import { GetUserHandler } from './queries/get-user.query';
import { ListUsersHandler } from './queries/list-users.query';

/**
 * Clients: registration and the client's own changes (commands the client bot sends), the admin API (list,
 * card, edit, anonymise, bulk tags, CSV export) and the events listeners build on.
 */
@Module({
  imports: [TypeOrmModule.forFeature([User])],
  controllers: [UsersController],
  providers: [
    RecordClientVisitHandler,
    MarkClientBlockedHandler,
    SetSubscriptionHandler,
    SetBirthDateHandler,
    UpdateUserHandler,
    DeleteUserHandler,
    BulkTagUsersHandler,
    ListUsersHandler,
    GetUserHandler,
    ExportUsersHandler,
    FindClientHandler,
    GetClientContactHandler,
  ],
})
export class UsersModule {}
