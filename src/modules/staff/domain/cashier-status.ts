import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';

/** Where a cashier stands: waiting for an owner, allowed to work, turned down, or no longer allowed. */
export const CASHIER_STATUSES = ['pending', 'approved', 'rejected', 'revoked'] as const;
export type CashierStatus = (typeof CASHIER_STATUSES)[number];

/** What an owner decides about a pending application. */
export const CASHIER_DECISIONS = ['approve', 'reject'] as const;
export type CashierDecision = (typeof CASHIER_DECISIONS)[number];

/** A revocation takes back an application still waiting, or an approved cashier's access. */
export const REVOCABLE_STATUSES: readonly CashierStatus[] = ['pending', 'approved'];

export interface CashierState {
  id: number;
  status: CashierStatus;
}

export interface DecidingAdmin {
  role: string;
  isActive: boolean;
}

/** The status a decision gives a pending application. */
export function statusAfter(decision: CashierDecision): 'approved' | 'rejected' {
  return decision === 'approve' ? 'approved' : 'rejected';
}

/** Only an approved cashier checks and redeems codes; everyone else is told their status. */
export function mayWorkWithCodes(status: CashierStatus): boolean {
  return status === 'approved';
}

/** Cashiers are approved, turned down and revoked by an active owner only (FORBIDDEN_ROLE otherwise). */
export function ensureMayDecide(admin: DecidingAdmin | null): void {
  if (!admin || !admin.isActive || admin.role !== 'owner') {
    throw new DomainError(ErrorCode.FORBIDDEN_ROLE, 'Only an active owner decides about cashiers');
  }
}

/** The refusal for an application decided before: the first decision stands. */
export function alreadyDecided(cashier: CashierState): DomainError {
  return new DomainError(
    ErrorCode.CASHIER_ALREADY_DECIDED,
    `Cashier #${cashier.id} is already ${cashier.status}`,
    { cashierId: cashier.id, status: cashier.status },
  );
}

/** A decision needs a pending application (CASHIER_ALREADY_DECIDED otherwise). */
export function ensureDecidable(cashier: CashierState): void {
  if (cashier.status !== 'pending') throw alreadyDecided(cashier);
}

/** A revocation needs a pending application or an approved cashier (CASHIER_ALREADY_DECIDED otherwise). */
export function ensureRevocable(cashier: CashierState): void {
  if (!REVOCABLE_STATUSES.includes(cashier.status)) throw alreadyDecided(cashier);
}
