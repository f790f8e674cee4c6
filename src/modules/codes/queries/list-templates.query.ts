import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { FindOptionsWhere, Repository } from 'typeorm';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { Page, sortOrder } from '../../../common/pagination/page-query.dto';
import { DiscountTemplate, TemplatePurpose } from '../persistence/discount-template.entity';
import { TemplateView, toTemplateView } from './template-view';

export class ListTemplatesQuery extends Query<Page<TemplateView>> {
  constructor(
    readonly page: number,
    readonly limit: number,
    readonly sort?: string,
    readonly filter: { purpose?: TemplatePurpose; isActive?: boolean } = {},
  ) {
    super();
  }
}

@QueryHandler(ListTemplatesQuery)
export class ListTemplatesHandler implements IQueryHandler<ListTemplatesQuery, Page<TemplateView>> {
  constructor(@InjectRepository(DiscountTemplate) private readonly templates: Repository<DiscountTemplate>) {}

  async execute({ page, limit, sort, filter }: ListTemplatesQuery): Promise<Page<TemplateView>> {
    const order = sortOrder(sort, ['id', 'name', 'createdAt', 'updatedAt'] as const, {
      field: 'id',
      direction: 'ASC',
    });
    const where: FindOptionsWhere<DiscountTemplate> = {};
    if (filter.purpose) where.purpose = filter.purpose;
    if (filter.isActive !== undefined) where.isActive = filter.isActive;
    const [rows, total] = await this.templates.findAndCount({
      where,
      order: { [order.field]: order.direction },
      skip: (page - 1) * limit,
      take: limit,
    });
    return { items: rows.map(toTemplateView), total, page, limit };
  }
}

export class GetTemplateQuery extends Query<TemplateView> {
  constructor(readonly templateId: number) {
    super();
  }
}

@QueryHandler(GetTemplateQuery)
export class GetTemplateHandler implements IQueryHandler<GetTemplateQuery, TemplateView> {
  constructor(@InjectRepository(DiscountTemplate) private readonly templates: Repository<DiscountTemplate>) {}

  async execute({ templateId }: GetTemplateQuery): Promise<TemplateView> {
    const template = await this.templates.findOneBy({ id: templateId });
    if (!template) throw new DomainError(ErrorCode.TEMPLATE_NOT_FOUND, `No discount template #${templateId}`);
    return toTemplateView(template);
  }
}
