import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AdminRole } from '../../../common/auth/access';
import { Admin } from '../persistence/admin.entity';
import { Cashier } from '../persistence/cashier.entity';
import { CashierView, toCashierView } from './cashier-view';

/** Who writes to the staff bot: their cashier record and the active admin linked to them, either or both. */
export interface StaffMember {
  telegramId: number;
  cashier: CashierView | null;
  admin: { id: number; username: string; role: AdminRole } | null;
}

/** The staff bot asks this on every update, so a revocation or a deactivation counts at once. */
export class GetStaffMemberQuery extends Query<StaffMember> {
  constructor(readonly telegramId: number) {
    super();
  }
}

@QueryHandler(GetStaffMemberQuery)
export class GetStaffMemberHandler implements IQueryHandler<GetStaffMemberQuery, StaffMember> {
  constructor(
    @InjectRepository(Cashier) private readonly cashiers: Repository<Cashier>,
    @InjectRepository(Admin) private readonly admins: Repository<Admin>,
  ) {}

  async execute({ telegramId }: GetStaffMemberQuery): Promise<StaffMember> {
    const [cashier, admin] = await Promise.all([
      this.cashiers.findOneBy({ telegramId }),
      this.admins.findOneBy({ telegramId, isActive: true }),
    ]);
    return {
      telegramId,
      cashier: cashier ? toCashierView(cashier) : null,
      admin: admin ? { id: admin.id, username: admin.username, role: admin.role } : null,
    };
  }
}
