import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { Clock } from '../../../common/clock/clock';
import { formatValue } from '../domain/discount-value';
import { normalizeCode } from '../domain/discount-code';
import { DiscountKind } from '../persistence/discount-template.entity';
import { Discount } from '../persistence/discount.entity';

/** A code a client can use right now, as «🎁 Мои скидки» shows it. */
export interface ClientCode {
  code: string;
  kind: DiscountKind;
  value: number;
  /** `10 %`, `150 ₽`. */
  valueText: string;
  /** The template's description, shown to the client. */
  description: string | null;
  expiresAt: Date | null;
  createdAt: Date;
}

/**
 * A client's personal codes that work now, newest first: active, not suspended, valid from now, not expired,
 * of a template that is on. Used, expired, revoked and suspended codes are left out. At most `limit`.
 */
export class ListClientCodesQuery extends Query<ClientCode[]> {
  constructor(
    readonly userId: number,
    readonly limit = 10,
  ) {
    super();
  }
}

/** One of the client's codes, if it works now (the «Показать QR» press); null otherwise. */
export class GetClientCodeQuery extends Query<ClientCode | null> {
  constructor(
    readonly userId: number,
    readonly code: string,
  ) {
    super();
  }
}

interface CodeRow {
  code: string;
  kind: DiscountKind;
  value: number;
  description: string | null;
  expires_at: Date | null;
  created_at: Date;
}

const toClientCode = (row: CodeRow): ClientCode => ({
  code: row.code,
  kind: row.kind,
  value: row.value,
  valueText: formatValue(row.kind, row.value),
  description: row.description,
  expiresAt: row.expires_at,
  createdAt: row.created_at,
});

/** idx_discounts_user_status_created_at serves user_id = ? AND status = 'active' ORDER BY created_at DESC. */
function usableCodes(
  discounts: Repository<Discount>,
  userId: number,
  now: Date,
): SelectQueryBuilder<Discount> {
  return discounts
    .createQueryBuilder('d')
    .innerJoin('discount_templates', 't', 't.id = d.template_id')
    .select(['d.code AS code', 'd.kind AS kind', 'd.value AS value', 't.description AS description'])
    .addSelect(['d.expires_at AS expires_at', 'd.created_at AS created_at'])
    .where("d.user_id = :userId AND d.status = 'active' AND d.suspended_at IS NULL", { userId })
    .andWhere('d.valid_from <= :now AND (d.expires_at IS NULL OR d.expires_at > :now)', { now })
    .andWhere('t.is_active = 1');
}

@QueryHandler(ListClientCodesQuery)
export class ListClientCodesHandler implements IQueryHandler<ListClientCodesQuery, ClientCode[]> {
  constructor(
    @InjectRepository(Discount) private readonly discounts: Repository<Discount>,
    private readonly clock: Clock,
  ) {}

  async execute({ userId, limit }: ListClientCodesQuery): Promise<ClientCode[]> {
    const rows = await usableCodes(this.discounts, userId, this.clock.now())
      .orderBy('d.created_at', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(limit)
      .getRawMany<CodeRow>();
    return rows.map(toClientCode);
  }
}

@QueryHandler(GetClientCodeQuery)
export class GetClientCodeHandler implements IQueryHandler<GetClientCodeQuery, ClientCode | null> {
  constructor(
    @InjectRepository(Discount) private readonly discounts: Repository<Discount>,
    private readonly clock: Clock,
  ) {}

  async execute({ userId, code }: GetClientCodeQuery): Promise<ClientCode | null> {
    const row = await usableCodes(this.discounts, userId, this.clock.now())
      .andWhere('d.code = :code', { code: normalizeCode(code) })
      .getRawOne<CodeRow>();
    return row ? toClientCode(row) : null;
  }
}
