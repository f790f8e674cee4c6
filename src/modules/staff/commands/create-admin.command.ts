import { Command, CommandHandler, EventBus, ICommandHandler } from '@nestjs/cqrs';
import { Outbox } from '../../../infrastructure/outbox/outbox';
import { InjectRepository } from '@nestjs/typeorm';
import { hash } from 'bcryptjs';
import { Repository } from 'typeorm';
import { Actor } from '../../../common/audit/audit-entry';
import { AdminRole } from '../../../common/auth/access';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { checkPasswordStrength } from '../domain/owner-rule';
import { AdminChangedEvent } from '../events/admin.events';
import { Admin } from '../persistence/admin.entity';
import { isDuplicateKey } from '../../../infrastructure/database/duplicate-key';

/** bcrypt cost: 12 rounds (~250 ms) is the slowest a login may reasonably take; SPEC asks for at least 10. */
export const BCRYPT_ROUNDS = 12;

/** Creates an admin (ADMIN_USERNAME_TAKEN when the name is used); the password is stored as a bcrypt hash. */
export class CreateAdminCommand extends Command<{ id: number }> {
  constructor(
    readonly username: string,
    readonly password: string,
    readonly role: AdminRole,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(CreateAdminCommand)
export class CreateAdminHandler implements ICommandHandler<CreateAdminCommand, { id: number }> {
  constructor(
    @InjectRepository(Admin) private readonly admins: Repository<Admin>,
    private readonly events: EventBus,
    private readonly outbox: Outbox,
  ) {}

  async execute({ username, password, role, actor }: CreateAdminCommand): Promise<{ id: number }> {
    checkPasswordStrength(password);
    const name = username.trim();
    if (await this.admins.existsBy({ username: name })) {
      throw new DomainError(ErrorCode.ADMIN_USERNAME_TAKEN, `The username "${name}" is taken`);
    }
    const passwordHash = await hash(password, BCRYPT_ROUNDS);
    try {
      const created = await this.admins.manager.transaction(async (manager) => {
        const { identifiers } = await manager.insert(Admin, {
          username: name,
          passwordHash,
          role,
          isActive: true,
        });
        const id = Number(identifiers[0].id);
        const fact = new AdminChangedEvent('admin.created', id, actor, { after: { username: name, role } });
        await this.outbox.record(manager, fact);
        return fact;
      });
      this.events.publish(created);
      return { id: created.adminId };
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw new DomainError(ErrorCode.ADMIN_USERNAME_TAKEN, `The username "${name}" is taken`);
      }
      throw error;
    }
  }
}
