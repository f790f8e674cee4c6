import { DataSource } from 'typeorm';
import { demoBroadcast, demoDiscount, demoUser, Row } from './demo-shop';
import { insertRows } from '../../infrastructure/database/insert-rows';
import { DemoRandom } from './random';

export interface DemoOptions {
  users: number;
  codesPerUser: number;
  seed: number;
  now: Date;
  /** Mark every row is_test (default), so KPIs and real broadcasts ignore it; false in a demo database. */
  markAsTest?: boolean;
  log?: (line: string) => void;
}

export interface DemoCounts {
  users: number;
  discounts: number;
  redemptions: number;
  broadcasts: number;
}

const USERS_PER_ROUND = 5000;

/**
 * Adds a realistic demo shop (rows is_test unless `markAsTest: false`): clients with Cyrillic names, sources, birthdays, tags and
 * referrals; codes of the seeded templates, some used (with their redemptions), some expired; sent broadcasts
 * with deliveries. Works in rounds, so 100 000 clients and a million codes fit in memory.
 */
export async function seedDemoShop(dataSource: DataSource, options: DemoOptions): Promise<DemoCounts> {
  const random = new DemoRandom(options.seed);
  const log = options.log ?? (() => undefined);
  const isTest = options.markAsTest ?? true;
  const [{ base, baseDiscount }] = (await dataSource.query(
    'SELECT (SELECT COALESCE(MAX(id), 0) FROM users) AS base, (SELECT COALESCE(MAX(id), 0) FROM discounts) AS baseDiscount',
  )) as Array<{ base: number; baseDiscount: number }>;
  const [{ codes }] = (await dataSource.query(
    "SELECT COUNT(*) AS codes FROM discounts WHERE code LIKE 'D%'",
  )) as Array<{
    codes: number;
  }>;
  let codeNumber = Number(codes) + 1;
  let discounts = 0;
  for (let start = 0; start < options.users; start += USERS_PER_ROUND) {
    const count = Math.min(USERS_PER_ROUND, options.users - start);
    const users = Array.from({ length: count }, (_, i) =>
      demoUser(Number(base) + start + i + 1, random, options.now, null, isTest),
    );
    await insertRows(dataSource, 'users', users);
    const inserted = (await dataSource.query(
      'SELECT id, created_at AS createdAt FROM users WHERE id > ? ORDER BY id LIMIT ?',
      [Number(base) + start, count],
    )) as Array<{ id: number; createdAt: Date }>;
    const rows: Row[] = [];
    for (const user of inserted) {
      for (let c = 0; c < options.codesPerUser; c++) {
        rows.push(demoDiscount(codeNumber++, user.id, new Date(user.createdAt), random, options.now, isTest));
      }
    }
    await insertRows(dataSource, 'discounts', rows);
    discounts += rows.length;
    log(`demo: ${start + count}/${options.users} clients, ${discounts} codes`);
  }
  await addReferrals(dataSource, Number(base));
  const redemptions = await addRedemptions(dataSource, Number(baseDiscount));
  const broadcasts = await addBroadcasts(dataSource, random, options.now, Number(base), isTest);
  return { users: options.users, discounts, redemptions, broadcasts };
}

/** About one client in ten was invited by an earlier demo client (of this round: ids above `base`). */
async function addReferrals(dataSource: DataSource, base: number): Promise<void> {
  await dataSource.query(
    `UPDATE users SET referred_by_user_id = id - 3, source = 'referral'
     WHERE id % 10 = 3 AND id > ? + 3`,
    [base],
  );
}

/** One redemption row per used demo code (ids above `baseDiscount`), on the day it was used. */
async function addRedemptions(dataSource: DataSource, baseDiscount: number): Promise<number> {
  const result = (await dataSource.query(
    `INSERT INTO discount_usage_logs
       (discount_id, user_id, channel, action, purchase_amount, discount_amount, terminal_id, created_at)
     SELECT d.id, d.user_id, ELT(1 + d.id % 3, 'pos', 'staff_bot', 'pos'), 'redeemed',
            (300 + d.id % 4700) * 100, FLOOR((300 + d.id % 4700) * d.value), CONCAT('kassa-', 1 + d.id % 2), d.used_at
     FROM discounts d
     LEFT JOIN discount_usage_logs l ON l.discount_id = d.id AND l.action = 'redeemed'
     WHERE d.id > ? AND d.status = 'used' AND d.used_at IS NOT NULL AND l.id IS NULL`,
    [baseDiscount],
  )) as { affectedRows?: number };
  return result.affectedRows ?? 0;
}

/** A few sent broadcasts, each delivered to a slice of the demo clients (some blocked). */
async function addBroadcasts(
  dataSource: DataSource,
  random: DemoRandom,
  now: Date,
  base: number,
  isTest: boolean,
): Promise<number> {
  const count = 5;
  for (let i = 0; i < count; i++) {
    const broadcast = demoBroadcast(i, random, now, isTest);
    await insertRows(dataSource, 'broadcasts', [broadcast]);
    const [{ id }] = (await dataSource.query('SELECT MAX(id) AS id FROM broadcasts')) as Array<{
      id: number;
    }>;
    await dataSource.query(
      `INSERT INTO broadcast_deliveries (broadcast_id, user_id, status, attempts, sent_at)
       SELECT ?, id, IF(status = 'blocked', 'blocked', 'sent'), 1, ? FROM users
       WHERE id > ? AND status <> 'deleted' AND id % 5 = ?`,
      [id, broadcast.finished_at, base, i],
    );
    await dataSource.query(
      `UPDATE broadcasts b SET
         target_count = (SELECT COUNT(*) FROM broadcast_deliveries WHERE broadcast_id = b.id),
         sent_count = (SELECT COUNT(*) FROM broadcast_deliveries WHERE broadcast_id = b.id AND status = 'sent'),
         blocked_count = (SELECT COUNT(*) FROM broadcast_deliveries WHERE broadcast_id = b.id AND status = 'blocked')
       WHERE b.id = ?`,
      [id],
    );
  }
  return count;
}
