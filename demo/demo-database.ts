import { hash } from 'bcryptjs';
import Redis from 'ioredis';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { seedDemoShop } from '../src/cli/demo/seed-demo-shop';
import { typeOrmOptions } from '../src/infrastructure/database/typeorm-options';
import { BCRYPT_ROUNDS } from '../src/modules/staff/commands/create-admin.command';
import { DEMO_STAFF, type DemoShopState } from './demo-people';
import type { DemoOptions } from './options';

const DEMO_CLIENTS = 300;

/** Drops the demo database and the demo's Redis keys (`--fresh`); only ever the demo's own. */
export async function startOver(options: DemoOptions): Promise<void> {
  const connection = await createConnection(options.mysqlServer);
  try {
    await connection.query(`DROP DATABASE IF EXISTS ${connection.escapeId(options.database)}`);
  } finally {
    await connection.end();
  }
  const redis = new Redis(options.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${options.database}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * Makes the demo database ready: created if missing, migrated, filled with a demo shop the first time
 * (clients counted as real: this database is the demo), the demo cashier approved, the demo owner's
 * password set to `password` with the owner's Telegram account linked. Returns what the sandbox needs.
 */
export async function prepareDemoDatabase(
  options: DemoOptions,
  password: string,
  log: (line: string) => void,
): Promise<DemoShopState> {
  const connection = await createConnection(options.mysqlServer);
  try {
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS ${connection.escapeId(options.database)}
       DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await connection.end();
  }
  const dataSource = await new DataSource(typeOrmOptions(databaseUrl(options))).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'all' });
    if (applied.length > 0) log(`migrated (${applied.length} migrations)`);
    const [{ clients }] = (await dataSource.query('SELECT COUNT(*) AS clients FROM users')) as Array<{
      clients: number;
    }>;
    if (Number(clients) === 0) {
      const counts = await seedDemoShop(dataSource, {
        users: DEMO_CLIENTS,
        codesPerUser: 2,
        seed: 42,
        now: new Date(),
        markAsTest: false,
      });
      log(
        `filled with a demo shop: ${counts.users} clients, ${counts.discounts} codes, ${counts.redemptions} redemptions`,
      );
    } else {
      log(`reused as it was (${Number(clients)} clients); --fresh starts over`);
    }
    await setUpStaff(dataSource, password);
    return await readShopState(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

export function databaseUrl(options: DemoOptions): string {
  return `${options.mysqlServer}/${options.database}`;
}

async function setUpStaff(dataSource: DataSource, password: string): Promise<void> {
  const { owner, cashier } = DEMO_STAFF;
  await dataSource.query(
    `INSERT INTO admins (username, password_hash, telegram_id, role, is_active) VALUES (?, ?, ?, 'owner', 1)
     ON DUPLICATE KEY UPDATE password_hash = VALUES(password_hash), telegram_id = VALUES(telegram_id), is_active = 1`,
    [owner.username, await hash(password, BCRYPT_ROUNDS), owner.user.id],
  );
  await dataSource.query(
    `INSERT IGNORE INTO cashiers (telegram_id, full_name, status, decided_at) VALUES (?, ?, 'approved', NOW(3))`,
    [cashier.user.id, cashier.user.first_name],
  );
}

async function readShopState(dataSource: DataSource): Promise<DemoShopState> {
  const clients = (await dataSource.query(
    `SELECT u.telegram_id AS telegramId, u.first_name AS firstName, u.username, u.referral_code AS referralCode, u.is_subscribed AS isSubscribed,
            (SELECT COUNT(*) FROM discounts d WHERE d.user_id = u.id AND d.status = 'active') AS activeCodes
     FROM users u
     WHERE u.status = 'active' AND u.is_test = 0 AND u.telegram_id IS NOT NULL AND u.first_name IS NOT NULL
     ORDER BY activeCodes DESC, u.id LIMIT 2`,
  )) as DemoShopState['clients'];
  const [channel] = (await dataSource.query(
    "SELECT value FROM settings WHERE `key` = 'channel.chat_id'",
  )) as Array<{
    value: unknown;
  }>;
  return { clients, channel: channelOf(channel?.value) };
}

/** The setting's value (JSON in the column; mysql2 may hand it over parsed or as text). */
function channelOf(value: unknown): string {
  if (typeof value !== 'string') return '@marmeladny_dvorik';
  try {
    const parsed = JSON.parse(value) as unknown;
    return typeof parsed === 'string' ? parsed : value;
  } catch {
    return value;
  }
}
