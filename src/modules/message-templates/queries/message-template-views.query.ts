import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { Page, sortOrder } from '../../../common/pagination/page-query.dto';
import { isMessageKey, MESSAGE_CATALOG } from '../domain/message-catalog';
import { MessageTemplate } from '../persistence/message-template.entity';

export interface MessageTemplateView {
  key: string;
  text: string;
  description: string | null;
  /** The placeholders this message may use, e.g. `first_name` for `{first_name}`. */
  placeholders: readonly string[];
  updatedByAdminId: number | null;
  updatedAt: Date;
}

const toView = (template: MessageTemplate): MessageTemplateView => ({
  key: template.key,
  text: template.text,
  description: template.description,
  placeholders: isMessageKey(template.key) ? MESSAGE_CATALOG[template.key] : [],
  updatedByAdminId: template.updatedByAdminId,
  updatedAt: template.updatedAt,
});

/** The bot message templates, a page at a time, by key unless `sort` says otherwise (`updatedAt`). */
export class ListMessageTemplatesQuery extends Query<Page<MessageTemplateView>> {
  constructor(
    readonly page: number,
    readonly limit: number,
    readonly sort?: string,
  ) {
    super();
  }
}

@QueryHandler(ListMessageTemplatesQuery)
export class ListMessageTemplatesHandler implements IQueryHandler<ListMessageTemplatesQuery> {
  constructor(@InjectRepository(MessageTemplate) private readonly templates: Repository<MessageTemplate>) {}

  async execute({ page, limit, sort }: ListMessageTemplatesQuery): Promise<Page<MessageTemplateView>> {
    const order = sortOrder(sort, ['key', 'updatedAt'] as const, { field: 'key', direction: 'ASC' });
    const [rows, total] = await this.templates.findAndCount({
      order: { [order.field]: order.direction, key: 'ASC' },
      skip: (page - 1) * limit,
      take: limit,
    });
    return { items: rows.map(toView), total, page, limit };
  }
}

export class GetMessageTemplateQuery extends Query<MessageTemplateView> {
  constructor(readonly key: string) {
    super();
  }
}

@QueryHandler(GetMessageTemplateQuery)
export class GetMessageTemplateHandler implements IQueryHandler<GetMessageTemplateQuery> {
  constructor(@InjectRepository(MessageTemplate) private readonly templates: Repository<MessageTemplate>) {}

  async execute({ key }: GetMessageTemplateQuery): Promise<MessageTemplateView> {
    const template = await this.templates.findOneBy({ key });
    if (!template)
      throw new DomainError(ErrorCode.MESSAGE_TEMPLATE_NOT_FOUND, `No message template "${key}"`, { key });
    return toView(template);
  }
}
