import { performance } from 'node:perf_hooks';
import type { Connection } from 'mysql2/promise';
import { seconds } from './support/harness';

/** A small seeded PRNG (mulberry32): the same shop every run, so figures compare between runs. */
export function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_NAMES = [
  'Анна',
  'Мария',
  'Елена',
  'Ольга',
  'Наталья',
  'Иван',
  'Сергей',
  'Алексей',
  'Дмитрий',
  'Павел',
  'Ксения',
  'Юлия',
];
const LAST_NAMES = [
  'Иванова',
  'Смирнова',
  'Кузнецова',
  'Попова',
  'Соколов',
  'Лебедев',
  'Козлов',
  'Новиков',
  'Морозова',
  'Волкова',
];
const SOURCES: [string, number][] = [
  ['direct', 0.4],
  ['instagram', 0.25],
  ['vk', 0.15],
  ['flyer', 0.1],
  ['referral', 0.1],
];
const TAGS = [
  'vip',
  'опт',
  'сладкоежка',
  'новичок',
  'постоянный',
  'мармелад',
  'шоколад',
  'подарки',
  'дети',
  'офис',
];
const DAY_MS = 24 * 3600 * 1000;
const ROWS_PER_INSERT = 1000;

/** `count` rows of `row(i)` (values in the order of `columns`), ROWS_PER_INSERT to a multi-row INSERT. */
async function insertRows(
  db: Connection,
  table: string,
  columns: string[],
  count: number,
  row: (i: number) => unknown[],
): Promise<void> {
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < count; start += ROWS_PER_INSERT) {
    const size = Math.min(ROWS_PER_INSERT, count - start);
    const values: unknown[] = [];
    for (let i = start; i < start + size; i++) values.push(...row(i));
    await db.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: size }, () => placeholders).join(', ')}`,
      values,
    );
  }
}

const pick = <T>(random: () => number, items: readonly T[]) => items[Math.floor(random() * items.length)];
function weighted(random: () => number, items: [string, number][]): string {
  let r = random();
  for (const [item, weight] of items) {
    if ((r -= weight) < 0) return item;
  }
  return items[0][0];
}

/**
 * `count` clients in multi-row INSERTs, spread the way a real shop's are: 90 % active, 7 % blocked, 3 %
 * deleted, 1 % test; sources, 0..3 tags of ten, birth dates for 70 %, half subscribed, registrations over
 * two years before `now`, last activity since registration (10 % never).
 */
export async function seedUsers(
  db: Connection,
  count: number,
  now: Date,
  random: () => number,
): Promise<void> {
  const columns = [
    'telegram_id',
    'username',
    'first_name',
    'last_name',
    'language_code',
    'source',
    'birth_date',
    'is_subscribed',
    'status',
    'tags',
    'last_activity_at',
    'referral_code',
    'is_test',
    'created_at',
  ];
  await insertRows(db, 'users', columns, count, (i) => {
    const roll = random();
    const status = roll < 0.9 ? 'active' : roll < 0.97 ? 'blocked' : 'deleted';
    const deleted = status === 'deleted';
    const createdAt = new Date(now.getTime() - Math.floor(random() * 730 * DAY_MS));
    const sinceCreated = now.getTime() - createdAt.getTime();
    const lastActivity =
      random() < 0.1 ? null : new Date(createdAt.getTime() + Math.floor(random() * sinceCreated));
    const tags = [...new Set(Array.from({ length: Math.floor(random() * 4) }, () => pick(random, TAGS)))];
    const birth =
      !deleted && random() < 0.7
        ? `${1950 + Math.floor(random() * 65)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`
        : null;
    return [
      deleted ? null : 7_000_000_000 + i,
      deleted || random() < 0.4 ? null : `client_${i}`,
      deleted ? null : pick(random, FIRST_NAMES),
      deleted ? null : pick(random, LAST_NAMES),
      deleted ? null : 'ru',
      weighted(random, SOURCES),
      birth,
      !deleted && random() < 0.5 ? 1 : 0,
      status,
      JSON.stringify(deleted ? [] : tags),
      lastActivity,
      deleted ? null : `b${i.toString(36)}`,
      random() < 0.01 ? 1 : 0,
      createdAt,
    ];
  });
}

/** A uniform [0, 1) of the 32-bit word `k` (0..3) of the MD5 hex `hash` (an SQL expression). */
const uniform = (hash: string, k: number) =>
  `(CONV(SUBSTRING(${hash}, ${1 + 8 * k}, 8), 16, 10) / 4294967296)`;

/**
 * `count` codes for random clients: half active (a quarter of those past their expiry, not yet swept),
 * 30 % used, 20 % expired; reasons subscription / birthday / manual. One INSERT … SELECT over MariaDB's
 * sequence engine (`seq_1_to_<count>`), the draws from two MD5s of the row number and `seed`: a million codes
 * in seconds instead of a thousand multi-row INSERTs sent from Node.
 */
export async function seedDiscounts(
  db: Connection,
  count: number,
  users: number,
  now: Date,
  seed: number,
): Promise<void> {
  if (!Number.isSafeInteger(count) || count < 1) return;
  const [reasonDraw, createdDraw, statusDraw, expiresDraw] = [0, 1, 2, 3].map((k) => uniform('a', k));
  const [expiresAtDraw, userDraw] = [0, 1].map((k) => uniform('b', k));
  const status = `IF(${statusDraw} < 0.5, 'active', IF(${statusDraw} < 0.8, 'used', 'expired'))`;
  const reason = `ELT(1 + FLOOR(${reasonDraw} * 3), 'subscription', 'birthday', 'manual')`;
  const createdAt = `? - INTERVAL FLOOR(${createdDraw} * ${365 * DAY_MS}) * 1000 MICROSECOND`;
  const expiresShift = `INTERVAL FLOOR(${expiresAtDraw} * ${30 * DAY_MS}) * 1000 MICROSECOND`;
  // Valid by construction (codes distinct, clients 1..users, templates 1..3 from the migrations): without
  // the per-row unique and foreign-key checks InnoDB buffers the index changes, 7× faster (34 s instead of
  // 245 s for a million codes on the shared bench machine).
  await db.query('SET SESSION unique_checks = 0, foreign_key_checks = 0');
  try {
    await db.query(
      `INSERT INTO discounts (code, template_id, user_id, kind, value, status, reason, valid_from, expires_at, used_at, created_at)
       SELECT code, FIELD(reason, 'subscription', 'birthday', 'manual'), user_id, 'percent',
              ELT(FIELD(reason, 'subscription', 'birthday', 'manual'), 10, 15, 5), status, reason,
              created_at, expires_at, IF(status = 'used', created_at, NULL), created_at
         FROM (SELECT CONCAT('B', LPAD(CONV(seq - 1, 10, 36), 7, '0')) AS code,
                      ${reason} AS reason, ${status} AS status,
                      ${createdAt} AS created_at,
                      IF(${status} = 'active' AND ${expiresDraw} < 0.75, ? + ${expiresShift}, ? - ${expiresShift}) AS expires_at,
                      1 + FLOOR(${userDraw} * ?) AS user_id
                 FROM (SELECT seq, MD5(CONCAT(?, ':', seq)) AS a, MD5(CONCAT(seq, ':', ?)) AS b
                         FROM seq_1_to_${count}) AS draws) AS codes`,
      [now, now, now, users, seed, seed],
    );
  } finally {
    await db.query('SET SESSION unique_checks = 1, foreign_key_checks = 1');
  }
}

/**
 * The shop of the list and stats benches: `users` clients (seedUsers), then `codes` codes (seedDiscounts),
 * from the PRNG seeded with `seed`; logs each step's time (`seeded 5000 users in 1.2 s`, the codes as `noun`).
 * Returns the PRNG for further seeding.
 */
export async function seedShop(
  db: Connection,
  { users, codes, now, seed, noun }: { users: number; codes: number; now: Date; seed: number; noun: string },
): Promise<() => number> {
  const random = randomFrom(seed);
  let started = performance.now();
  await seedUsers(db, users, now, random);
  console.log(`seeded ${users} users in ${seconds(started)}`);
  started = performance.now();
  await seedDiscounts(db, codes, users, now, seed);
  console.log(`seeded ${codes} ${noun} in ${seconds(started)}`);
  return random;
}

/** Audit actions in the shares a shop's log has them: [action, share, actor type, entity type]. */
const AUDIT_ACTIONS: [string, number, string, string][] = [
  ['discount.redeemed', 0.45, 'cashier', 'discount'],
  ['discount.issued', 0.3, 'system', 'discount'],
  ['user.registered', 0.15, 'client', 'user'],
  ['user.updated', 0.05, 'admin', 'user'],
  ['admin.login', 0.04, 'admin', 'admin'],
  ['setting.changed', 0.01, 'admin', 'setting'],
];

/**
 * `count` audit rows over the year before `now`: redemptions by two cashiers (a tenth through the POS),
 * issues by the gift jobs, registrations by clients, client edits, logins and setting changes by three admins.
 */
export async function seedAuditLogs(
  db: Connection,
  count: number,
  users: number,
  discounts: number,
  now: Date,
  random: () => number,
): Promise<void> {
  const columns = [
    'actor_type',
    'actor_id',
    'action',
    'entity_type',
    'entity_id',
    'changes',
    'ip',
    'created_at',
  ];
  await insertRows(db, 'audit_logs', columns, count, () => {
    let roll = random();
    const [action, , actor, entityType] =
      AUDIT_ACTIONS.find(([, share]) => (roll -= share) < 0) ?? AUDIT_ACTIONS[0];
    let actorType = actor;
    const discountId = 1 + Math.floor(random() * Math.max(discounts, 1));
    const userId = 1 + Math.floor(random() * Math.max(users, 1));
    const admin = String(1 + Math.floor(random() * 3));
    let actorId: string;
    let entityId: string;
    let changes: unknown = null;
    switch (action) {
      case 'discount.redeemed':
        if (random() < 0.1) [actorType, actorId] = ['pos', 'till-1'];
        else actorId = String(1 + Math.floor(random() * 2));
        entityId = String(discountId);
        changes = { userId, channel: actorType === 'pos' ? 'pos' : 'staff_bot', purchaseAmount: 100_000 };
        break;
      case 'discount.issued':
        actorId = random() < 0.5 ? 'birthday' : 'subscription';
        entityId = String(discountId);
        changes = { userId };
        break;
      case 'user.registered':
        actorId = entityId = String(userId);
        changes = { source: 'direct' };
        break;
      case 'setting.changed':
        actorId = admin;
        entityId = 'broadcast.rate_per_second';
        changes = { before: 25, after: 30 };
        break;
      default:
        actorId = admin;
        entityId = action === 'admin.login' ? admin : String(userId);
    }
    return [
      actorType,
      actorId,
      action,
      entityType,
      entityId,
      changes === null ? null : JSON.stringify(changes),
      actorType === 'admin' ? '10.0.0.7' : null,
      new Date(now.getTime() - Math.floor(random() * 365 * DAY_MS)),
    ];
  });
}
