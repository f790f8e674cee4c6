import { Command, CommandHandler, EventBus, ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../../../common/clock/clock';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { Admin } from '../../staff/persistence/admin.entity';
import { Outbox } from '../../../infrastructure/outbox/outbox';
import { recordLogin } from './record-login';
import { AccessTokens } from '../tokens/access-tokens';
import { OneTimeTokens } from '../tokens/one-time-tokens';
import { IssuedAccessToken } from './log-in.command';

/** Exchanges a one-time token from the staff bot's /login for a JWT (single use, 10 minutes). */
export class LogInWithTelegramCommand extends Command<IssuedAccessToken> {
  constructor(readonly token: string) {
    super();
  }
}

@CommandHandler(LogInWithTelegramCommand)
export class LogInWithTelegramHandler implements ICommandHandler<
  LogInWithTelegramCommand,
  IssuedAccessToken
> {
  constructor(
    @InjectRepository(Admin) private readonly admins: Repository<Admin>,
    private readonly oneTime: OneTimeTokens,
    private readonly tokens: AccessTokens,
    private readonly events: EventBus,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
  ) {}

  async execute({ token }: LogInWithTelegramCommand): Promise<IssuedAccessToken> {
    const adminId = await this.oneTime.consume('telegram-login', token);
    const admin = adminId ? await this.admins.findOneBy({ id: Number(adminId) }) : null;
    if (!admin || !admin.isActive) {
      throw new DomainError(
        ErrorCode.AUTH_TOKEN_INVALID,
        'The login token is unknown, expired or already used',
      );
    }
    this.events.publish(await recordLogin(this.admins, this.outbox, admin, 'telegram', this.clock.now()));
    return this.tokens.sign(admin.id, admin.role);
  }
}
