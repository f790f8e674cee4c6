import { Actor, AuditableEvent, AuditEntry } from '../../../common/audit/audit-entry';
import { publicSettingValue } from '../domain/check-setting';
import { SettingKey } from '../domain/setting-definitions';

export class SettingChangedEvent extends AuditableEvent {
  constructor(
    readonly key: SettingKey,
    readonly before: unknown,
    readonly after: unknown,
    readonly actor: Actor,
  ) {
    super();
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
