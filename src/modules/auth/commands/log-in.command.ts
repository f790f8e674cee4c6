import { Command, CommandHandler, EventBus, ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { compare } from 'bcryptjs';
import { Repository } from 'typeorm';
import { Clock } from '../../../common/clock/clock';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { Admin } from '../../staff/persistence/admin.entity';
import { Outbox } from '../../../infrastructure/outbox/outbox';
import { recordLogin } from './record-login';
import { isUsernameForm, normaliseUsername } from '../domain/login-policy';
import { AdminLoginFailedEvent } from '../events/auth.events';
import { AccessTokens } from '../tokens/access-tokens';
import { LoginAttempts } from '../tokens/login-attempts';

export interface IssuedAccessToken {
  accessToken: string;
  expiresIn: number;
}

/** Checks a username and password; AUTH_LOCKED after five failures in 15 minutes. */
export class LogInCommand extends Command<IssuedAccessToken> {
  constructor(
    readonly username: string,
    readonly password: string,
  ) {
    super();
  }
}

/** A bcrypt hash of a random string, compared when the username is unknown, so timing tells nothing. */
const DUMMY_HASH = '$2b$10$CwTycUXWue0Thq9StjUM0uJ8.ZlS6Ay0bDSsBBaTR0N2S3vQ3p/9y';

@CommandHandler(LogInCommand)
export class LogInHandler implements ICommandHandler<LogInCommand, IssuedAccessToken> {
  constructor(
    @InjectRepository(Admin) private readonly admins: Repository<Admin>,
    private readonly attempts: LoginAttempts,
    private readonly tokens: AccessTokens,
    private readonly events: EventBus,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
  ) {}

  async execute({ username, password }: LogInCommand): Promise<IssuedAccessToken> {
    const lockedFor = await this.attempts.lockedFor(username);
    if (lockedFor > 0) {
      throw new DomainError(ErrorCode.AUTH_LOCKED, 'Too many failed logins; try again later', {
        retryAfterSeconds: lockedFor,
      });
    }
    const name = normaliseUsername(username);
    const admin = isUsernameForm(name) ? await this.admins.findOneBy({ username: name }) : null;
    const matches = await compare(password, admin?.passwordHash ?? DUMMY_HASH);
    if (!admin || !matches || !admin.isActive) {
      const locked = await this.attempts.fail(username);
      this.events.publish(new AdminLoginFailedEvent(username, locked));
      throw new DomainError(ErrorCode.AUTH_INVALID_CREDENTIALS, 'Wrong username or password');
    }
    await this.attempts.succeed(username);
    this.events.publish(await recordLogin(this.admins, this.outbox, admin, 'password', this.clock.now()));
    return this.tokens.sign(admin.id, admin.role);
  }
}
