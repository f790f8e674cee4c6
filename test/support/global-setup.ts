import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { typeOrmOptions } from '../../src/infrastructure/database/typeorm-options';
import { assertTestDatabase } from './test-env';

/**
 * Once per test run: a fresh database (its name says "test"), migrated with the real migrations, and a
 * Redis key prefix of its own. Both are handed to the test files through the environment.
 */
export default async function globalSetup(): Promise<void> {
  const run = `${Date.now().toString(36)}${process.pid}`;
  const server = process.env.TEST_DATABASE_SERVER ?? 'mysql://root@127.0.0.1:3306';
  const url = `${server.replace(/\/+$/, '')}/dvorik_test_${run}`;
  const name = assertTestDatabase(url);
  const connection = await createConnection(server);
  await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await connection.end();
  const dataSource = await new DataSource(typeOrmOptions(url)).initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  process.env.DATABASE_URL = url;
  process.env.REDIS_PREFIX = `dvorik_test_${run}`;
  // Where each e2e test file adds its contract-check tally (test/support/contract), summed up at the end.
  process.env.CONTRACT_REPORT = join(tmpdir(), `dvorik-contract-${run}.jsonl`);
}
