import { Command, CommandHandler, EventBus, ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../../../common/clock/clock';
import { Outbox } from '../../../infrastructure/outbox/outbox';
import { UserBlockedBotEvent } from '../events/user.events';
import { User } from '../persistence/user.entity';

/**
 * Telegram said the client blocked the bot (a 403 on sending, or a `my_chat_member` update): an active
 * client becomes `blocked` and UserBlockedBot is published once. Unknown, already blocked and deleted
 * clients are left alone (`changed: false`); /start makes a blocked client active again.
 */
export class MarkClientBlockedCommand extends Command<{ userId: number | null; changed: boolean }> {
  constructor(readonly telegramId: number) {
    super();
  }
}

@CommandHandler(MarkClientBlockedCommand)
export class MarkClientBlockedHandler implements ICommandHandler<
  MarkClientBlockedCommand,
  { userId: number | null; changed: boolean }
> {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly events: EventBus,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
  ) {}

  async execute({
    telegramId,
  }: MarkClientBlockedCommand): Promise<{ userId: number | null; changed: boolean }> {
    const user = await this.users.findOne({ select: ['id'], where: { telegramId } });
    if (!user) return { userId: null, changed: false };
    // Conditional on `active`, so a burst of 403s from parallel senders publishes the event once.
    // The change and its fact (audit row) commit together.
    const fact = new UserBlockedBotEvent(user.id);
    const affected = await this.users.manager.transaction(async (manager) => {
      const { affected: changed } = await manager.update(
        User,
        { id: user.id, status: 'active' },
        { status: 'blocked', blockedAt: this.clock.now() },
      );
      if (changed) await this.outbox.record(manager, fact);
      return Boolean(changed);
    });
    if (affected) this.events.publish(fact);
    return { userId: user.id, changed: affected };
  }
}
