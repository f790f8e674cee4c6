import { QueryBus } from '@nestjs/cqrs';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { ClientSummary, FindClientQuery } from '../../users/queries/find-client.query';

/**
 * The client behind a card's initData. Someone who never sent /start (or whose data was deleted: the
 * Telegram id is gone then) is CLIENT_NOT_STARTED; a client who blocked the bot is CLIENT_BLOCKED_BOT.
 * Both texts tell them to /start the bot, which registers or reactivates them.
 */
export async function miniAppClient(queries: QueryBus, telegramId: number): Promise<ClientSummary> {
  const client = await queries.execute(new FindClientQuery(telegramId));
  if (!client || client.status === 'deleted') {
    throw new DomainError(ErrorCode.CLIENT_NOT_STARTED, 'This Telegram user has not started the client bot');
  }
  if (client.status === 'blocked') {
    throw new DomainError(ErrorCode.CLIENT_BLOCKED_BOT, 'This client has blocked the client bot');
  }
  return client;
}
