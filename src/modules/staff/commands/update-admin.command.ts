import { Command, CommandHandler, EventBus, ICommandHandler } from '@nestjs/cqrs';
import { Outbox } from '../../../infrastructure/outbox/outbox';
import { Actor } from '../../../common/audit/audit-entry';
import { AdminRole } from '../../../common/auth/access';
import { ensureAnOwnerRemains } from '../domain/owner-rule';
import { AdminChangedEvent } from '../events/admin.events';
import { Admin } from '../persistence/admin.entity';
import { AdminAccounts } from './admin-accounts';

/** Changes an admin's role and/or active flag; LAST_OWNER when no active owner would remain. */
export class UpdateAdminCommand extends Command<void> {
  constructor(
    readonly adminId: number,
    readonly changes: { role?: AdminRole; isActive?: boolean },
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(UpdateAdminCommand)
export class UpdateAdminHandler implements ICommandHandler<UpdateAdminCommand, void> {
  constructor(
    private readonly accounts: AdminAccounts,
    private readonly events: EventBus,
    private readonly outbox: Outbox,
  ) {}

  async execute({ adminId, changes, actor }: UpdateAdminCommand): Promise<void> {
    const changed = await this.accounts.change(adminId, async (admin, activeOwners, manager) => {
      const after = { role: changes.role ?? admin.role, isActive: changes.isActive ?? admin.isActive };
      ensureAnOwnerRemains(activeOwners, admin, after);
      await manager.update(Admin, adminId, after);
      const before = { role: admin.role, isActive: admin.isActive };
      const fact = new AdminChangedEvent('admin.updated', adminId, actor, { before, after: changes });
      await this.outbox.record(manager, fact);
      return fact;
    });
    this.events.publish(changed);
  }
}
