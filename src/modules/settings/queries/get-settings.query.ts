import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { SettingValues } from '../domain/setting-definitions';
import { SettingsStore } from '../persistence/settings-store';

/** Every setting with its current value (stored, else the default). */
export class GetSettingsQuery extends Query<SettingValues> {}

@QueryHandler(GetSettingsQuery)
export class GetSettingsHandler implements IQueryHandler<GetSettingsQuery, SettingValues> {
  constructor(private readonly store: SettingsStore) {}

  execute(): Promise<SettingValues> {
    return this.store.all();
  }
}
