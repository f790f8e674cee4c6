import { Command, CommandHandler, EventBus, ICommandHandler } from '@nestjs/cqrs';
import { Outbox } from '../../../infrastructure/outbox/outbox';
import { InjectRepository } from '@nestjs/typeorm';
import { hash } from 'bcryptjs';
import { Repository } from 'typeorm';
import { Actor } from '../../../common/audit/audit-entry';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { checkPasswordStrength } from '../domain/owner-rule';
import { AdminChangedEvent } from '../events/admin.events';
import { Admin } from '../persistence/admin.entity';
import { BCRYPT_ROUNDS } from './create-admin.command';

/** Sets a new password for an admin (an owner resetting someone's, or the shell script). */
export class ResetAdminPasswordCommand extends Command<void> {
  constructor(
    readonly adminId: number,
    readonly password: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(ResetAdminPasswordCommand)
export class ResetAdminPasswordHandler implements ICommandHandler<ResetAdminPasswordCommand, void> {
  constructor(
    @InjectRepository(Admin) private readonly admins: Repository<Admin>,
    private readonly events: EventBus,
    private readonly outbox: Outbox,
  ) {}

  async execute({ adminId, password, actor }: ResetAdminPasswordCommand): Promise<void> {
    checkPasswordStrength(password);
    const passwordHash = await hash(password, BCRYPT_ROUNDS);
    const reset = new AdminChangedEvent('admin.password_reset', adminId, actor);
    await this.admins.manager.transaction(async (manager) => {
      const result = await manager.update(Admin, adminId, { passwordHash });
      if (!result.affected) throw new DomainError(ErrorCode.ADMIN_NOT_FOUND, `No admin #${adminId}`);
      await this.outbox.record(manager, reset);
    });
    this.events.publish(reset);
  }
}
