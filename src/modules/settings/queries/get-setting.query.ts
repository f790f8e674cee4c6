import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { SettingKey, SettingValues } from '../domain/setting-definitions';
import { SettingsStore } from '../persistence/settings-store';

/** One setting's current value, typed by its key: `new GetSettingQuery('broadcast.rate_per_second')` => number. */
export class GetSettingQuery<K extends SettingKey> extends Query<SettingValues[K]> {
  constructor(readonly key: K) {
    super();
  }
}

@QueryHandler(GetSettingQuery)
export class GetSettingHandler implements IQueryHandler<GetSettingQuery<SettingKey>> {
  constructor(private readonly store: SettingsStore) {}

  async execute(query: GetSettingQuery<SettingKey>): Promise<SettingValues[SettingKey]> {
    return (await this.store.all())[query.key];
  }
}
