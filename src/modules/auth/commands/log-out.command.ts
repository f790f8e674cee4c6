import { Command, CommandHandler, EventBus, ICommandHandler } from '@nestjs/cqrs';
import { AdminLoggedOutEvent } from '../events/auth.events';
import { RevokedTokens } from '../tokens/revoked-tokens';

/** Revokes the calling token (its jti goes on the deny-list in the database until it would expire). */
export class LogOutCommand extends Command<void> {
  constructor(
    readonly adminId: number,
    readonly jti: string,
    readonly exp: number,
  ) {
    super();
  }
}

@CommandHandler(LogOutCommand)
export class LogOutHandler implements ICommandHandler<LogOutCommand, void> {
  constructor(
    private readonly revoked: RevokedTokens,
    private readonly events: EventBus,
  ) {}

  async execute({ adminId, jti, exp }: LogOutCommand): Promise<void> {
    await this.revoked.revoke(jti, adminId, exp);
    this.events.publish(new AdminLoggedOutEvent(adminId));
  }
}
