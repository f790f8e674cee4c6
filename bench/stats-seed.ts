import { performance } from 'node:perf_hooks';
import type { Connection } from 'mysql2/promise';
import { seconds } from './support/harness';
import { seedAuditLogs, seedShop } from './users-list-seed';

/** What the stats shop holds: clients, codes and audit rows, at `now`, from the PRNG seeded with `seed`. */
export interface StatsShop {
  users: number;
  codes: number;
  auditLogs: number;
  now: Date;
  seed: number;
}

/**
 * The shop of the stats and admin-panel benches: the users-list shop (seedShop: clients over two years,
 * codes over one), a redemption for every used code, referrals for 5 % of clients, twelve broadcasts (one a
 * month, 5 000 deliveries each), three cashiers (one pending) and `auditLogs` audit rows over a year; then
 * ANALYZE. Logs each step's time.
 */
export async function seedStatsShop(db: Connection, shop: StatsShop): Promise<void> {
  const { users, codes, auditLogs, now, seed } = shop;
  const random = await seedShop(db, { users, codes, now, seed, noun: 'codes' });
  let started = performance.now();
  // a redemption for every used code, an hour to ten days after issue; referrals for 5 % of clients
  await db.query(
    `INSERT INTO discount_usage_logs (discount_id, user_id, channel, action, purchase_amount, discount_amount, created_at)
     SELECT id, user_id, 'staff_bot', 'redeemed', 100000, 10000,
            LEAST(created_at + INTERVAL (1 + id % 240) HOUR, NOW(3))
       FROM discounts WHERE status = 'used'`,
  );
  await db.query(`UPDATE discounts SET redemption_count = 1 WHERE status = 'used'`);
  await db.query(
    `UPDATE users SET referred_by_user_id = 1 + (id * 7) % 1000 WHERE id % 20 = 0 AND id > 1000`,
  );
  console.log(`seeded redemptions and referrals in ${seconds(started)}`);
  started = performance.now();
  // twelve broadcasts, one a month, each to 5 000 clients
  for (let month = 0; month < 12; month++) {
    const startedAt = new Date(now.getTime() - (month * 30 + 1) * 86_400_000);
    const finishedAt = new Date(startedAt.getTime() + 3_600_000);
    const inserted = (await db.query(
      `INSERT INTO broadcasts (title, text, status, started_at, finished_at, target_count) VALUES (?, 'Привет', 'sent', ?, ?, 5000)`,
      [`Рассылка ${month}`, startedAt, finishedAt],
    )) as unknown as [{ insertId: number }];
    await db.query(
      `INSERT INTO broadcast_deliveries (broadcast_id, user_id, status, sent_at)
       SELECT ?, id, IF(id % 25 = 0, 'blocked', 'sent'), IF(id % 25 = 0, NULL, ? + INTERVAL (id % 3600) SECOND)
         FROM users WHERE status = 'active' AND is_test = 0 ORDER BY id LIMIT 5000 OFFSET ?`,
      [inserted[0].insertId, startedAt, month * 5000],
    );
  }
  await db.query(
    `INSERT INTO cashiers (telegram_id, full_name, status) VALUES (1, 'Кассир 1', 'approved'), (2, 'Кассир 2', 'approved'), (3, 'Кассир 3', 'pending')`,
  );
  console.log(`seeded broadcasts and cashiers in ${seconds(started)}`);
  if (auditLogs > 0) {
    started = performance.now();
    await seedAuditLogs(db, auditLogs, users, codes, now, random);
    console.log(`seeded ${auditLogs} audit log rows in ${seconds(started)}`);
  }
  await db.query(
    'ANALYZE TABLE users, discounts, discount_usage_logs, broadcasts, broadcast_deliveries, audit_logs',
  );
}
