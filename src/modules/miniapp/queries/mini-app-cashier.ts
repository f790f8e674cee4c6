import { QueryBus } from '@nestjs/cqrs';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { CashierView } from '../../staff/queries/cashier-view';
import { GetStaffMemberQuery } from '../../staff/queries/get-staff-member.query';

/** The cashier behind a scanner's initData, or null for someone who never applied in the staff bot. */
export async function scannerCashier(queries: QueryBus, telegramId: number): Promise<CashierView | null> {
  return (await queries.execute(new GetStaffMemberQuery(telegramId))).cashier;
}

/** The same, approved: checks and redemptions need it (CASHIER_NOT_FOUND, CASHIER_NOT_APPROVED otherwise). */
export async function approvedCashier(queries: QueryBus, telegramId: number): Promise<CashierView> {
  const cashier = await scannerCashier(queries, telegramId);
  if (!cashier)
    throw new DomainError(ErrorCode.CASHIER_NOT_FOUND, 'Apply as a cashier in the staff bot first');
  if (cashier.status !== 'approved') {
    throw new DomainError(ErrorCode.CASHIER_NOT_APPROVED, `The cashier is ${cashier.status}`, {
      status: cashier.status,
    });
  }
  return cashier;
}
