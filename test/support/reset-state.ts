import Redis from 'ioredis';
import { DataSource, MigrationInterface } from 'typeorm';
import { deleteKeys } from './global-teardown';

/**
 * Puts the database back to "freshly migrated": empties every table, then runs the seed migration's up()
 * again, and drops the run's Redis keys. Called before each test file builds its app.
 */
export async function resetState(dataSource: DataSource, redis: Redis, redisPrefix: string): Promise<void> {
  /** Tables written by plain SQL, without an entity. */
  const plainTables = [
    'telegram_failed_updates',
    'admin_revoked_tokens',
    'outbox_deliveries',
    'outbox_events',
  ];
  const tables = [...dataSource.entityMetadatas.map((metadata) => metadata.tableName), ...plainTables];
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SET FOREIGN_KEY_CHECKS = 0');
    for (const table of tables) await runner.query(`TRUNCATE TABLE \`${table}\``);
    await runner.query('SET FOREIGN_KEY_CHECKS = 1');
    for (const seed of seedMigrations(dataSource)) await seed.up(runner);
  } finally {
    await runner.release();
  }
  await deleteKeys(redis, `${redisPrefix}:*`);
}

function seedMigrations(dataSource: DataSource): MigrationInterface[] {
  return dataSource.migrations.filter((migration) => /seed/i.test(migration.constructor.name));
}
