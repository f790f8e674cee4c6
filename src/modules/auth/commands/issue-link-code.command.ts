import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TOKEN_LIFETIME } from '../domain/login-policy';
import { OneTimeTokens } from '../tokens/one-time-tokens';

/** A code an admin sends to the staff bot as `/link <code>` to link their Telegram account (10 minutes). */
export class IssueLinkCodeCommand extends Command<{ code: string; expiresIn: number }> {
  constructor(readonly adminId: number) {
    super();
  }
}

@CommandHandler(IssueLinkCodeCommand)
export class IssueLinkCodeHandler implements ICommandHandler<IssueLinkCodeCommand> {
  constructor(private readonly oneTime: OneTimeTokens) {}

  async execute({ adminId }: IssueLinkCodeCommand): Promise<{ code: string; expiresIn: number }> {
    const expiresIn = TOKEN_LIFETIME.linkCodeSeconds;
    // 12 random bytes: short enough to type, far too many to guess within 10 minutes.
    const code = await this.oneTime.issue('link-code', String(adminId), expiresIn, 12);
    return { code, expiresIn };
  }
}
