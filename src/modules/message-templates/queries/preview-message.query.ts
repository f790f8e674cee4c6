import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { checkTemplateText } from '../domain/check-template-text';
import { isMessageKey } from '../domain/message-catalog';
import { renderMessage } from '../domain/render-message';
import { SAMPLE_VALUES } from '../domain/sample-values';
import { MessageTexts } from '../persistence/message-texts';

/** A template (the stored text, or a draft) rendered with sample values, checked as a save would check it. */
export class PreviewMessageQuery extends Query<{ key: string; html: string }> {
  constructor(
    readonly key: string,
    readonly draft?: string,
    readonly values: Record<string, string> = {},
  ) {
    super();
  }
}

@QueryHandler(PreviewMessageQuery)
export class PreviewMessageHandler implements IQueryHandler<PreviewMessageQuery> {
  constructor(private readonly texts: MessageTexts) {}

  async execute({ key, draft, values }: PreviewMessageQuery): Promise<{ key: string; html: string }> {
    if (!isMessageKey(key)) {
      throw new DomainError(ErrorCode.MESSAGE_TEMPLATE_NOT_FOUND, `No message template "${key}"`, { key });
    }
    const text = draft ?? (await this.texts.text(key));
    checkTemplateText(key, text);
    return { key, html: renderMessage(text, { ...SAMPLE_VALUES, ...values }) };
  }
}
