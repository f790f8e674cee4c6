import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../../../common/clock/clock';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { Page, sortOrder } from '../../../common/pagination/page-query.dto';
import { normalizeCode } from '../domain/discount-code';
import { Discount, DiscountReason, DiscountStatus } from '../persistence/discount.entity';
import { CodeCards } from '../persistence/code-cards';
import { codeFacts, CodeFacts } from './code-answers';
import { DiscountView, toDiscountView } from './discount-view';

export interface DiscountFilter {
  /** As of now: `active` excludes codes past their expiry, `expired` includes them. */
  status?: DiscountStatus;
  reason?: DiscountReason;
  templateId?: number;
  userId?: number;
  issuedFrom?: Date;
  issuedTo?: Date;
  isTest?: boolean;
}

export class ListDiscountsQuery extends Query<Page<DiscountView>> {
  constructor(
    readonly page: number,
    readonly limit: number,
    readonly sort: string | undefined,
    readonly filter: DiscountFilter,
  ) {
    super();
  }
}

/*
 * Filters map onto the indexes of discounts: user (idx_discounts_user_status_created_at), status and
 * expiry (idx_discounts_status_expires_at), template (idx_discounts_template_id), reason and issue dates
 * (idx_discounts_reason_created_at); ORDER BY id / created_at.
 */
@QueryHandler(ListDiscountsQuery)
export class ListDiscountsHandler implements IQueryHandler<ListDiscountsQuery, Page<DiscountView>> {
  constructor(
    @InjectRepository(Discount) private readonly discounts: Repository<Discount>,
    private readonly clock: Clock,
  ) {}

  async execute({ page, limit, sort, filter }: ListDiscountsQuery): Promise<Page<DiscountView>> {
    const now = this.clock.now();
    const order = sortOrder(sort, ['id', 'createdAt', 'expiresAt', 'usedAt'] as const, {
      field: 'id',
      direction: 'DESC',
    });
    const query = this.discounts.createQueryBuilder('d');
    switch (filter.status) {
      case undefined:
        break;
      case 'active':
        query.andWhere("d.status = 'active' AND (d.expiresAt IS NULL OR d.expiresAt > :now)", { now });
        break;
      case 'expired':
        query.andWhere("(d.status = 'expired' OR (d.status = 'active' AND d.expiresAt <= :now))", { now });
        break;
      default:
        query.andWhere('d.status = :status', { status: filter.status });
    }
    if (filter.reason) query.andWhere('d.reason = :reason', { reason: filter.reason });
    if (filter.templateId !== undefined) query.andWhere('d.templateId = :templateId', filter);
    if (filter.userId !== undefined) query.andWhere('d.userId = :userId', filter);
    if (filter.issuedFrom) query.andWhere('d.createdAt >= :issuedFrom', filter);
    if (filter.issuedTo) query.andWhere('d.createdAt < :issuedTo', filter);
    if (filter.isTest !== undefined) query.andWhere('d.isTest = :isTest', filter);
    const [rows, total] = await query
      .orderBy(`d.${order.field}`, order.direction)
      .addOrderBy('d.id', order.direction)
      .skip((page - 1) * limit)
      .take(limit)
      .getManyAndCount();
    return { items: rows.map((row) => toDiscountView(row, now)), total, page, limit };
  }
}

/** One code with its template's terms and its client: the admin's view of a code. */
export interface DiscountDetails extends DiscountView {
  template: Pick<CodeFacts, 'templateName' | 'description' | 'minPurchase'> & { isActive: boolean };
  client: CodeFacts['client'];
}

export class GetDiscountQuery extends Query<DiscountDetails> {
  constructor(readonly code: string) {
    super();
  }
}

@QueryHandler(GetDiscountQuery)
export class GetDiscountHandler implements IQueryHandler<GetDiscountQuery, DiscountDetails> {
  constructor(
    @InjectRepository(Discount) private readonly discounts: Repository<Discount>,
    private readonly cards: CodeCards,
    private readonly clock: Clock,
  ) {}

  async execute({ code }: GetDiscountQuery): Promise<DiscountDetails> {
    const normalized = normalizeCode(code);
    const [discount, card] = await Promise.all([
      this.discounts.findOneBy({ code: normalized }),
      this.cards.byCode(normalized),
    ]);
    if (!discount || !card) throw new DomainError(ErrorCode.DISCOUNT_NOT_FOUND, 'No such code');
    const facts = codeFacts(card, null);
    return {
      ...toDiscountView(discount, this.clock.now()),
      template: {
        templateName: facts.templateName,
        description: facts.description,
        minPurchase: facts.minPurchase,
        isActive: card.templateActive,
      },
      client: facts.client,
    };
  }
}
