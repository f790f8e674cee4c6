import { Command, CommandHandler, EventBus, ICommandHandler } from '@nestjs/cqrs';
import { Outbox } from '../../../infrastructure/outbox/outbox';
import { Actor } from '../../../common/audit/audit-entry';
import { checkSettingValue, requireSettingKey } from '../domain/check-setting';
import { SettingKey, SettingValues } from '../domain/setting-definitions';
import { SettingChangedEvent } from '../events/setting-changed.event';
import { SettingsStore } from '../persistence/settings-store';

export interface ChangedSetting {
  key: SettingKey;
  value: unknown;
}

/** Sets one setting after checking its schema (SETTING_NOT_FOUND, SETTING_INVALID); audited. */
export class ChangeSettingCommand extends Command<ChangedSetting> {
  constructor(
    readonly key: string,
    readonly value: unknown,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(ChangeSettingCommand)
export class ChangeSettingHandler implements ICommandHandler<ChangeSettingCommand, ChangedSetting> {
  constructor(
    private readonly store: SettingsStore,
    private readonly events: EventBus,
    private readonly outbox: Outbox,
  ) {}

  async execute({ key: rawKey, value: rawValue, actor }: ChangeSettingCommand): Promise<ChangedSetting> {
    const key = requireSettingKey(rawKey);
    const value = checkSettingValue(key, rawValue) as SettingValues[SettingKey];
    const before = (await this.store.all())[key];
    const changed = new SettingChangedEvent(key, before, value, actor);
    const adminId = actor.type === 'admin' && actor.id !== null ? Number(actor.id) : null;
    await this.store.save(key, value, adminId, (manager) => this.outbox.record(manager, changed));
    this.events.publish(changed);
    return { key, value };
  }
}
