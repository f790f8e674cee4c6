import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { OwnerMessages, OwnersTold } from '../sending/owner-messages';

/**
 * A message (Telegram HTML) from the staff bot to every active owner with a linked Telegram account, for
 * other modules (the owner alerts' digest and morning summary). An owner the bot cannot reach is skipped;
 * the answer says how many could be reached and how many were told.
 */
export class TellOwnersCommand extends Command<OwnersTold> {
  constructor(readonly html: string) {
    super();
  }
}

@CommandHandler(TellOwnersCommand)
export class TellOwnersHandler implements ICommandHandler<TellOwnersCommand, OwnersTold> {
  constructor(private readonly owners: OwnerMessages) {}

  execute({ html }: TellOwnersCommand): Promise<OwnersTold> {
    return this.owners.send(html);
  }
}
