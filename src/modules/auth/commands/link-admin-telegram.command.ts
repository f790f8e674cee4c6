import { Command, CommandHandler, EventBus, ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Not, Repository } from 'typeorm';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { Admin } from '../../staff/persistence/admin.entity';
import { Outbox } from '../../../infrastructure/outbox/outbox';
import { AdminTelegramLinkedEvent } from '../events/auth.events';
import { OneTimeTokens } from '../tokens/one-time-tokens';

/** The staff bot's `/link <code>`: links the sender's Telegram id to the admin who asked for the code. */
export class LinkAdminTelegramCommand extends Command<{ adminId: number; username: string }> {
  constructor(
    readonly code: string,
    readonly telegramId: number,
  ) {
    super();
  }
}

@CommandHandler(LinkAdminTelegramCommand)
export class LinkAdminTelegramHandler implements ICommandHandler<LinkAdminTelegramCommand> {
  constructor(
    @InjectRepository(Admin) private readonly admins: Repository<Admin>,
    private readonly oneTime: OneTimeTokens,
    private readonly events: EventBus,
    private readonly outbox: Outbox,
  ) {}

  async execute({
    code,
    telegramId,
  }: LinkAdminTelegramCommand): Promise<{ adminId: number; username: string }> {
    const adminId = await this.oneTime.consume('link-code', code.trim());
    const admin = adminId ? await this.admins.findOneBy({ id: Number(adminId), isActive: true }) : null;
    if (!admin)
      throw new DomainError(
        ErrorCode.AUTH_TOKEN_INVALID,
        'The link code is unknown, expired or already used',
      );
    // One Telegram account belongs to one admin: unlink it from anyone else first (the unique key demands it).
    // The link and its fact (audit row) commit together.
    const fact = new AdminTelegramLinkedEvent(admin.id, telegramId);
    await this.admins.manager.transaction(async (manager) => {
      await manager.update(Admin, { telegramId, id: Not(admin.id) }, { telegramId: null });
      await manager.update(Admin, admin.id, { telegramId });
      await this.outbox.record(manager, fact);
    });
    this.events.publish(fact);
    return { adminId: admin.id, username: admin.username };
  }
}
