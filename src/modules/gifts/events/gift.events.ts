import { AuditableEvent, AuditEntry, SYSTEM_ACTOR } from '../../../common/audit/audit-entry';

/**
 * A client's unused subscription gift was suspended (they left the channel) or restored (they came back).
 * Audited against the client, so "why does my code not work" has an answer in the audit log.
 */
export class SubscriptionGiftFollowedEvent extends AuditableEvent {
  constructor(
    readonly userId: number,
    readonly change: 'suspended' | 'restored',
    readonly codes: number,
  ) {
    super();
  }

  toAuditEntry(): AuditEntry {
    return {
      actor: SYSTEM_ACTOR,
      action: `discount.${this.change}`,
      entityType: 'user',
      entityId: this.userId,
      changes: { reason: 'subscription', codes: this.codes },
    };
  }
}

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
