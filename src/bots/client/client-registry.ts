import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Context } from 'telegraf';
import {
  RecordClientVisitCommand,
  ClientVisit,
} from '../../modules/users/commands/record-client-visit.command';
import { ClientSummary, FindClientQuery } from '../../modules/users/queries/find-client.query';

/**
 * Who is writing to the client bot. Every message and button press is a visit: RecordClientVisitCommand
 * registers a stranger (source from the /start payload, else `direct`), refreshes a known client's names
 * and last activity, and makes a client who had blocked the bot active again.
 */
@Injectable()
export class ClientRegistry {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** The visit of `ctx.from`; null for updates without a person. */
  async visit(ctx: Context, payload: string | null = null): Promise<ClientVisit | null> {
    const from = ctx.from;
    if (!from || from.is_bot) return null;
    return this.commands.execute(
      new RecordClientVisitCommand({
        telegramId: from.id,
        username: from.username ?? null,
        firstName: from.first_name,
        lastName: from.last_name ?? null,
        languageCode: from.language_code ?? null,
        payload,
      }),
    );
  }

  /** The client with this Telegram id, or null for a stranger (a deleted client is one again). */
  find(telegramId: number): Promise<ClientSummary | null> {
    return this.queries.execute(new FindClientQuery(telegramId));
  }
}
