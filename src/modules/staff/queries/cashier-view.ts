import { CashierStatus } from '../domain/cashier-status';
import { Cashier } from '../persistence/cashier.entity';

/** A cashier as the API and the bots see one. */
export interface CashierView {
  id: number;
  telegramId: number;
  fullName: string;
  status: CashierStatus;
  decidedByAdminId: number | null;
  decidedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export function toCashierView(cashier: Cashier): CashierView {
  return {
    id: cashier.id,
    telegramId: cashier.telegramId,
    fullName: cashier.fullName,
    status: cashier.status,
    decidedByAdminId: cashier.decidedByAdminId,
    decidedAt: cashier.decidedAt,
    createdAt: cashier.createdAt,
    updatedAt: cashier.updatedAt,
  };
}
