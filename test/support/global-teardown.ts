import Redis from 'ioredis';
import { createConnection } from 'mysql2/promise';
import { summarise } from './contract/contract-tally';
import { OpenApiContract } from './contract/openapi-contract';
import { assertTestDatabase } from './test-env';

/** Drops the run's database and Redis keys (KEEP_TEST_DB=1 keeps the database for a post-mortem). */
export default async function globalTeardown(): Promise<void> {
  const report = process.env.CONTRACT_REPORT;
  const summary = report ? summarise(report, new OpenApiContract().routes()) : null;
  if (summary) console.log(`\n${summary}\n`);
  const url = process.env.DATABASE_URL;
  if (url && !process.env.KEEP_TEST_DB) {
    const name = assertTestDatabase(url);
    const connection = await createConnection(
      process.env.TEST_DATABASE_SERVER ?? 'mysql://root@127.0.0.1:3306',
    );
    await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await connection.end();
  }
  const prefix = process.env.REDIS_PREFIX;
  if (prefix) {
    const redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0');
    await deleteKeys(redis, `${prefix}:*`);
    await redis.quit();
  }
}

export async function deleteKeys(redis: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}
