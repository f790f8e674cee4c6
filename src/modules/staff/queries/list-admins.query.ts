import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AdminRole } from '../../../common/auth/access';
import { Page, sortOrder } from '../../../common/pagination/page-query.dto';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { Admin } from '../persistence/admin.entity';

export interface AdminView {
  id: number;
  username: string;
  role: AdminRole;
  isActive: boolean;
  telegramId: number | null;
  lastLoginAt: Date | null;
  createdAt: Date;
}

const toView = (admin: Admin): AdminView => ({
  id: admin.id,
  username: admin.username,
  role: admin.role,
  isActive: admin.isActive,
  telegramId: admin.telegramId,
  lastLoginAt: admin.lastLoginAt,
  createdAt: admin.createdAt,
});

export class ListAdminsQuery extends Query<Page<AdminView>> {
  constructor(
    readonly page: number,
    readonly limit: number,
    readonly sort?: string,
    readonly role?: AdminRole,
  ) {
    super();
  }
}

@QueryHandler(ListAdminsQuery)
export class ListAdminsHandler implements IQueryHandler<ListAdminsQuery, Page<AdminView>> {
  constructor(@InjectRepository(Admin) private readonly admins: Repository<Admin>) {}

  async execute({ page, limit, sort, role }: ListAdminsQuery): Promise<Page<AdminView>> {
    const order = sortOrder(sort, ['id', 'username', 'createdAt', 'lastLoginAt'] as const, {
      field: 'id',
      direction: 'ASC',
    });
    const [rows, total] = await this.admins.findAndCount({
      where: role ? { role } : {},
      order: { [order.field]: order.direction },
      skip: (page - 1) * limit,
      take: limit,
    });
    return { items: rows.map(toView), total, page, limit };
  }
}

export class GetAdminQuery extends Query<AdminView> {
  constructor(readonly adminId: number) {
    super();
  }
}

@QueryHandler(GetAdminQuery)
export class GetAdminHandler implements IQueryHandler<GetAdminQuery, AdminView> {
  constructor(@InjectRepository(Admin) private readonly admins: Repository<Admin>) {}

  async execute({ adminId }: GetAdminQuery): Promise<AdminView> {
    const admin = await this.admins.findOneBy({ id: adminId });
    if (!admin) throw new DomainError(ErrorCode.ADMIN_NOT_FOUND, `No admin #${adminId}`);
    return toView(admin);
  }
}
