import { AuditableEvent, AuditEntry } from '../../../common/audit/audit-entry';

/**
 * A cashier had more than the allowed failed code checks in a minute (code guessing?): their checks are
 * paused. Published once per pause; the owners are told in the staff bot.
 */
export class CashierChecksPausedEvent extends AuditableEvent {
  constructor(
    readonly cashier: { id: number; fullName: string },
    readonly failures: number,
    readonly pauseSeconds: number,
  ) {
    super();
  }

  toAuditEntry(): AuditEntry {
    return {
      actor: { type: 'cashier', id: this.cashier.id },
      action: 'cashier.checks_paused',
      entityType: 'cashier',
      entityId: this.cashier.id,
      changes: { failures: this.failures, pauseSeconds: this.pauseSeconds },
    };
  }
}
