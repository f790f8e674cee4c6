import { Command, CommandHandler, EventBus, ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { Actor } from '../../../common/audit/audit-entry';
import { telegramIdHash } from '../domain/client-identity';
import { UserDeletedEvent } from '../events/user.events';
import { User } from '../persistence/user.entity';
import { lockClient } from './lock-client';
import { Outbox } from '../../../infrastructure/outbox/outbox';

/**
 * An owner deletes a client by anonymising the row: names, username, language, birth date, notes, tags and
 * referral code cleared, unsubscribed, status `deleted`, and the Telegram id replaced by its SHA-256 in
 * telegram_id_hash, so the same person pressing /start later is a new client. The row stays, so codes,
 * redemptions, deliveries and invitations keep pointing at it. USER_NOT_FOUND, USER_DELETED.
 */
export class DeleteUserCommand extends Command<void> {
  constructor(
    readonly userId: number,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(DeleteUserCommand)
export class DeleteUserHandler implements ICommandHandler<DeleteUserCommand, void> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventBus,
    private readonly outbox: Outbox,
  ) {}

  async execute({ userId, actor }: DeleteUserCommand): Promise<void> {
    const deleted = new UserDeletedEvent(userId, actor);
    await this.dataSource.transaction(async (manager) => {
      const user = await lockClient(manager, userId);
      await manager.update(User, userId, {
        telegramId: null,
        telegramIdHash: user.telegramId === null ? user.telegramIdHash : telegramIdHash(user.telegramId),
        username: null,
        firstName: null,
        lastName: null,
        languageCode: null,
        birthDate: null,
        birthDateSetAt: null,
        notes: null,
        tags: [],
        referralCode: null,
        isSubscribed: false,
        status: 'deleted',
      });
      await this.outbox.record(manager, deleted);
    });
    this.events.publish(deleted);
  }
}
