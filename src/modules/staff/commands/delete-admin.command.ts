import { Command, CommandHandler, EventBus, ICommandHandler } from '@nestjs/cqrs';
import { Outbox } from '../../../infrastructure/outbox/outbox';
import { Actor } from '../../../common/audit/audit-entry';
import { ensureAnOwnerRemains } from '../domain/owner-rule';
import { AdminChangedEvent } from '../events/admin.events';
import { Admin } from '../persistence/admin.entity';
import { AdminAccounts } from './admin-accounts';

/** Deletes an admin account; LAST_OWNER for the last active owner. Their audit history stays. */
export class DeleteAdminCommand extends Command<void> {
  constructor(
    readonly adminId: number,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(DeleteAdminCommand)
export class DeleteAdminHandler implements ICommandHandler<DeleteAdminCommand, void> {
  constructor(
    private readonly accounts: AdminAccounts,
    private readonly events: EventBus,
    private readonly outbox: Outbox,
  ) {}

  async execute({ adminId, actor }: DeleteAdminCommand): Promise<void> {
    const deleted = await this.accounts.change(adminId, async (admin, activeOwners, manager) => {
      ensureAnOwnerRemains(activeOwners, admin, null);
      await manager.delete(Admin, adminId);
      const before = { username: admin.username, role: admin.role };
      const fact = new AdminChangedEvent('admin.deleted', adminId, actor, { before });
      await this.outbox.record(manager, fact);
      return fact;
    });
    this.events.publish(deleted);
  }
}
