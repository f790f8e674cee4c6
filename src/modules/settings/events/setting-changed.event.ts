import { Actor, AuditableEvent, AuditEntry } from '../../../common/audit/audit-entry';
import { Fact } from '../../../infrastructure/outbox/fact';
import { publicSettingValue } from '../domain/check-setting';
import { SettingKey } from '../domain/setting-definitions';

/** An admin changed a setting. An outbox fact (consumer: the stats rollup, on a new shop time zone). */
@Fact('setting.changed')
export class SettingChangedEvent extends AuditableEvent {
  constructor(
    readonly key: SettingKey,
    readonly before: unknown,
    readonly after: unknown,
    readonly actor: Actor,
  ) {
    super();
  }

  /** The outbox payload: values as the audit shows them (a secret setting's value never leaves). */
  toJSON(): Record<string, unknown> {
    return {
      key: this.key,
      actor: this.actor,
      before: publicSettingValue(this.key, this.before),
      after: publicSettingValue(this.key, this.after),
    };
  }

  toAuditEntry(): AuditEntry {
    return {
      actor: this.actor,
      action: 'setting.changed',
      entityType: 'setting',
      entityId: this.key,
      changes: {
        before: publicSettingValue(this.key, this.before),
        after: publicSettingValue(this.key, this.after),
      },
    };
  }
}
