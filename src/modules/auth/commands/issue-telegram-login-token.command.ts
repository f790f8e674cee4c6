import { Command, CommandHandler, EventBus, ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { Admin } from '../../staff/persistence/admin.entity';
import { TOKEN_LIFETIME } from '../domain/login-policy';
import { TelegramLoginTokenIssuedEvent } from '../events/auth.events';
import { OneTimeTokens } from '../tokens/one-time-tokens';

/** The staff bot's /login: a one-time token for the active admin linked to this Telegram id. */
export class IssueTelegramLoginTokenCommand extends Command<{ token: string; expiresInSeconds: number }> {
  constructor(readonly telegramId: number) {
    super();
  }
}

@CommandHandler(IssueTelegramLoginTokenCommand)
export class IssueTelegramLoginTokenHandler implements ICommandHandler<IssueTelegramLoginTokenCommand> {
  constructor(
    @InjectRepository(Admin) private readonly admins: Repository<Admin>,
    private readonly oneTime: OneTimeTokens,
    private readonly events: EventBus,
  ) {}

  async execute({
    telegramId,
  }: IssueTelegramLoginTokenCommand): Promise<{ token: string; expiresInSeconds: number }> {
    const admin = await this.admins.findOneBy({ telegramId, isActive: true });
    if (!admin)
      throw new DomainError(ErrorCode.ADMIN_NOT_FOUND, 'No active admin is linked to this Telegram account');
    const expiresInSeconds = TOKEN_LIFETIME.telegramLoginSeconds;
    const token = await this.oneTime.issue('telegram-login', String(admin.id), expiresInSeconds);
    this.events.publish(new TelegramLoginTokenIssuedEvent(admin.id));
    return { token, expiresInSeconds };
  }
}
