import { AuditableEvent, AuditEntry } from '../../../common/audit/audit-entry';
import { Fact } from '../../../infrastructure/outbox/fact';
import { CashierStatus } from '../domain/cashier-status';
import { CashierView } from '../queries/cashier-view';

/**
 * Someone applied through the staff bot to be a cashier; the owners are asked to decide. An outbox fact
 * (consumer: the owners' decision keyboard).
 */
@Fact('cashier.registered')
export class CashierRegisteredEvent extends AuditableEvent {
  constructor(
    readonly cashier: CashierView,
    /** The applicant's Telegram @username at the time, to help owners recognise them (not stored). */
    readonly telegramUsername: string | null,
  ) {
    super();
  }

  toAuditEntry(): AuditEntry {
    return {
      actor: { type: 'cashier', id: this.cashier.id },
      action: 'cashier.registered',
      entityType: 'cashier',
      entityId: this.cashier.id,
      changes: {
        after: { fullName: this.cashier.fullName, telegramId: this.cashier.telegramId, status: 'pending' },
      },
    };
  }
}

/**
 * An owner changed a cashier's status: approved or rejected an application, or revoked access. Outbox facts
 * (consumers: the cashier told, the staff bot's menu button).
 */
export abstract class CashierDecisionEvent extends AuditableEvent {
  abstract readonly action: 'cashier.approved' | 'cashier.rejected' | 'cashier.revoked';

  constructor(
    /** The cashier after the change. */
    readonly cashier: CashierView,
    readonly previousStatus: CashierStatus,
    readonly adminId: number,
  ) {
    super();
  }

  toAuditEntry(): AuditEntry {
    return {
      actor: { type: 'admin', id: this.adminId },
      action: this.action,
      entityType: 'cashier',
      entityId: this.cashier.id,
      changes: { before: { status: this.previousStatus }, after: { status: this.cashier.status } },
    };
  }
}

@Fact('cashier.approved')
export class CashierApprovedEvent extends CashierDecisionEvent {
  readonly action = 'cashier.approved';
}

@Fact('cashier.rejected')
export class CashierRejectedEvent extends CashierDecisionEvent {
  readonly action = 'cashier.rejected';
}

@Fact('cashier.revoked')
export class CashierRevokedEvent extends CashierDecisionEvent {
  readonly action = 'cashier.revoked';
}
