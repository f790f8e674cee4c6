import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { User } from '../persistence/user.entity';
import { toUserView, UserView } from './user-view';

/** One of the client's codes, as the card shows it. */
export interface UserDiscountView {
  id: number;
  code: string;
  templateId: number;
  templateName: string | null;
  kind: 'percent' | 'fixed';
  value: number;
  status: 'active' | 'used' | 'expired' | 'revoked';
  reason: string;
  validFrom: Date;
  expiresAt: Date | null;
  usedAt: Date | null;
  suspendedAt: Date | null;
  createdAt: Date;
}

/** One redemption of a code by the client (a `redeemed` usage row). */
export interface UserRedemptionView {
  id: number;
  discountId: number | null;
  code: string | null;
  channel: 'staff_bot' | 'pos' | 'admin';
  cashierId: number | null;
  terminalId: string | null;
  purchaseAmount: number | null;
  discountAmount: number | null;
  createdAt: Date;
}

export interface UserDetailView extends UserView {
  /** Clients this one invited. */
  invitedCount: number;
  /** Newest first, at most CARD_LIMIT. */
  discounts: UserDiscountView[];
  /** Newest first, at most CARD_LIMIT. */
  redemptions: UserRedemptionView[];
}

export const CARD_LIMIT = 100;

/**
 * A client's card: the client, their codes and their redemptions, read straight from the discounts tables
 * (a read-side query; the discounts module owns the writes). Deleted clients are shown anonymised.
 * USER_NOT_FOUND.
 */
export class GetUserQuery extends Query<UserDetailView> {
  constructor(readonly userId: number) {
    super();
  }
}

@QueryHandler(GetUserQuery)
export class GetUserHandler implements IQueryHandler<GetUserQuery, UserDetailView> {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly dataSource: DataSource,
  ) {}

  async execute({ userId }: GetUserQuery): Promise<UserDetailView> {
    const user = await this.users.findOneBy({ id: userId });
    if (!user) throw new DomainError(ErrorCode.USER_NOT_FOUND, `No client #${userId}`, { userId });
    const [discounts, redemptions, invitedCount] = await Promise.all([
      this.discounts(userId),
      this.redemptions(userId),
      this.users.countBy({ referredByUserId: userId }),
    ]);
    return { ...toUserView(user), invitedCount, discounts, redemptions };
  }

  private discounts(userId: number): Promise<UserDiscountView[]> {
    // idx_discounts_user_status_created_at
    return this.dataSource
      .createQueryBuilder()
      .select([
        'd.id AS id',
        'd.code AS code',
        'd.template_id AS templateId',
        't.name AS templateName',
        'd.kind AS kind',
        'd.value AS value',
        'd.status AS status',
        'd.reason AS reason',
        'd.valid_from AS validFrom',
        'd.expires_at AS expiresAt',
        'd.used_at AS usedAt',
        'd.suspended_at AS suspendedAt',
        'd.created_at AS createdAt',
      ])
      .from('discounts', 'd')
      .leftJoin('discount_templates', 't', 't.id = d.template_id')
      .where('d.user_id = :userId', { userId })
      .orderBy('d.created_at', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(CARD_LIMIT)
      .getRawMany<UserDiscountView>();
  }

  private redemptions(userId: number): Promise<UserRedemptionView[]> {
    // idx_discount_usage_logs_user_id
    return this.dataSource
      .createQueryBuilder()
      .select([
        'l.id AS id',
        'l.discount_id AS discountId',
        'd.code AS code',
        'l.channel AS channel',
        'l.cashier_id AS cashierId',
        'l.terminal_id AS terminalId',
        'l.purchase_amount AS purchaseAmount',
        'l.discount_amount AS discountAmount',
        'l.created_at AS createdAt',
      ])
      .from('discount_usage_logs', 'l')
      .leftJoin('discounts', 'd', 'd.id = l.discount_id')
      .where('l.user_id = :userId', { userId })
      .andWhere("l.action = 'redeemed'")
      .orderBy('l.created_at', 'DESC')
      .addOrderBy('l.id', 'DESC')
      .limit(CARD_LIMIT)
      .getRawMany<UserRedemptionView>();
  }
}
