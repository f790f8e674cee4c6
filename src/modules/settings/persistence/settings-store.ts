import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { EntityManager, Repository } from 'typeorm';
import { RedisKeys } from '../../../infrastructure/redis/redis-keys';
import { SETTING_DEFINITIONS, SETTING_KEYS, SettingKey, SettingValues } from '../domain/setting-definitions';
import { Setting } from './setting.entity';

/** How long a process may serve settings from the shared cache before reading the table again. */
const CACHE_TTL_SECONDS = 30;

/**
 * Reads all settings through a short Redis cache (one key holding every value) and writes one key,
 * dropping the cache so every replica reads the new value on its next call.
 */
@Injectable()
export class SettingsStore {
  constructor(
    @InjectRepository(Setting) private readonly settings: Repository<Setting>,
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  async all(): Promise<SettingValues> {
    const cacheKey = this.keys.key('cache', 'settings');
    const cached = await this.redis.get(cacheKey);
    if (cached) return JSON.parse(cached) as SettingValues;
    const values = await this.load();
    await this.redis.set(cacheKey, JSON.stringify(values), 'EX', CACHE_TTL_SECONDS);
    return values;
  }

  /**
   * Writes one setting and runs `alongside` in the same transaction (the outbox fact of the change), then
   * drops the cache so every replica reads the new value on its next call.
   */
  async save<K extends SettingKey>(
    key: K,
    value: SettingValues[K],
    adminId: number | null,
    alongside: (manager: EntityManager) => Promise<unknown> = async () => undefined,
  ): Promise<void> {
    await this.settings.manager.transaction(async (manager) => {
      // TypeORM's partial-entity type cannot express a JSON column holding null, hence the cast.
      await manager.upsert(Setting, { key, value: value as never, updatedByAdminId: adminId }, ['key']);
      await alongside(manager);
    });
    await this.redis.del(this.keys.key('cache', 'settings'));
  }

  private async load(): Promise<SettingValues> {
    const rows = await this.settings.find();
    const stored = new Map(rows.map((row) => [row.key, row.value]));
    const entries = SETTING_KEYS.map((key) => [
      key,
      stored.has(key) ? stored.get(key) : SETTING_DEFINITIONS[key].defaultValue,
    ]);
    return Object.fromEntries(entries) as SettingValues;
  }
}
