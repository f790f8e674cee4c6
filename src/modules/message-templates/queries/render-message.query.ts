import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { MessageKey, MessageValues } from '../domain/message-catalog';
import { renderMessage } from '../domain/render-message';
import { MessageTexts } from '../persistence/message-texts';

/** A message template rendered with its values (HTML-escaped), ready for Telegram's HTML parse mode. */
export class RenderMessageQuery<K extends MessageKey> extends Query<string> {
  constructor(
    readonly key: K,
    readonly values: MessageValues<K>,
  ) {
    super();
  }
}

@QueryHandler(RenderMessageQuery)
export class RenderMessageHandler implements IQueryHandler<RenderMessageQuery<MessageKey>, string> {
  constructor(private readonly texts: MessageTexts) {}

  async execute({ key, values }: RenderMessageQuery<MessageKey>): Promise<string> {
    return renderMessage(await this.texts.text(key), values);
  }
}
