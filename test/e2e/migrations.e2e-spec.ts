import { Connection, createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import type { MysqlConnectionOptions } from 'typeorm/driver/mysql/MysqlConnectionOptions';
import { typeOrmOptions } from '../../src/infrastructure/database/typeorm-options';
import { AuditLog } from '../../src/modules/audit/persistence/audit-log.entity';
import { MessageTemplate } from '../../src/modules/message-templates/persistence/message-template.entity';
import { Segment } from '../../src/modules/segments/persistence/segment.entity';
import { Setting } from '../../src/modules/settings/persistence/setting.entity';
import { User } from '../../src/modules/users/persistence/user.entity';

/*
 * The migrations are the only owner of the schema (DESIGN 2): they must build it, seed it, match the
 * entities exactly, and come all the way down again. Self-contained: its own database, dropped at the end.
 */
const SERVER_URL = process.env.TEST_DATABASE_SERVER ?? 'mysql://root@127.0.0.1:3306';
const DATABASE = `dvorik_test_migrations_${process.pid}`;

const databaseUrl = `${SERVER_URL.replace(/\/+$/, '')}/${DATABASE}`;

const TABLES = [
  'admin_revoked_tokens',
  'admins',
  'audit_logs',
  'broadcast_deliveries',
  'broadcast_media',
  'broadcast_media_parts',
  'broadcasts',
  'cashiers',
  'discount_templates',
  'discount_usage_logs',
  'discounts',
  'message_templates',
  'outbox_deliveries',
  'outbox_events',
  'segments',
  'settings',
  'stats_rollup_days',
  'stats_rollups',
  'telegram_failed_updates',
  'users',
];
// typeorm_metadata: TypeORM's own bookkeeping of generated-column expressions (users.birth_month, birth_day).
const TYPEORM_TABLES = ['migrations', 'typeorm_metadata'];

jest.setTimeout(120_000);

/** Every migration, in the order they run. */
const MIGRATIONS = [
  'CreateSchema1764000000000',
  'SeedData1764000001000',
  'StatsCoveringIndex1764000002000',
  'StatsRollups1764000003000',
  'UsersListIndexes1764000004000',
  'BroadcastMedia1764000012000',
  'FailedUpdatesAndRevokedTokens1764100016000',
  'Outbox1764100017000',
  'DeliveryClaimToken1764200018000',
];

describe('migrations', () => {
  let admin: Connection;
  let ds: DataSource;

  const tableNames = async (): Promise<string[]> => {
    const [rows] = await admin.query(
      'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name',
      [DATABASE],
    );
    return (rows as Array<{ name: string }>).map((r) => r.name).sort();
  };
  const count = async (table: string): Promise<number> => {
    const [rows] = await admin.query(`SELECT COUNT(*) AS n FROM ${admin.escapeId(DATABASE)}.${table}`);
    return Number((rows as Array<{ n: number }>)[0].n);
  };
  const revertAll = async (): Promise<void> => {
    while ((await ds.query('SELECT COUNT(*) AS n FROM migrations'))[0].n > 0) {
      await ds.undoLastMigration({ transaction: 'each' });
    }
  };

  beforeAll(async () => {
    const url = new URL(SERVER_URL);
    admin = await createConnection({
      host: url.hostname,
      port: Number(url.port || 3306),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
    });
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeId(DATABASE)}`);
    await admin.query(
      `CREATE DATABASE ${admin.escapeId(DATABASE)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    ds = new DataSource(typeOrmOptions(databaseUrl));
    await ds.initialize();
  });

  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeId(DATABASE)}`);
      await admin.end();
    }
  });

  it('creates the sixteen tables, InnoDB and utf8mb4_unicode_ci', async () => {
    const applied = await ds.runMigrations({ transaction: 'each' });
    expect(applied.map((m) => m.name)).toEqual(MIGRATIONS);
    expect(await tableNames()).toEqual([...TABLES, ...TYPEORM_TABLES].sort());

    const [rows] = await admin.query(
      `SELECT table_name AS name, engine, table_collation AS collation FROM information_schema.tables
       WHERE table_schema = ? AND table_name IN (?)`,
      [DATABASE, TABLES],
    );
    for (const table of rows as Array<{ name: string; engine: string; collation: string }>) {
      expect({ table: table.name, engine: table.engine, collation: table.collation }).toEqual({
        table: table.name,
        engine: 'InnoDB',
        collation: 'utf8mb4_unicode_ci',
      });
    }
  });

  it('seeds templates, settings, system segments and bot texts', async () => {
    expect(await count('discount_templates')).toBe(3);
    expect(await count('settings')).toBe(14);
    expect(await count('segments')).toBe(5);
    expect(await count('message_templates')).toBe(16);

    const templates = await ds.query(
      'SELECT id, purpose, kind, value, valid_days, recurrence FROM discount_templates',
    );
    expect(templates).toEqual([
      { id: 1, purpose: 'subscription', kind: 'percent', value: 10, valid_days: 30, recurrence: 'none' },
      { id: 2, purpose: 'birthday', kind: 'percent', value: 15, valid_days: 14, recurrence: 'yearly' },
      { id: 3, purpose: 'manual', kind: 'percent', value: 5, valid_days: 30, recurrence: 'none' },
    ]);
  });

  it('reads seeded JSON and Cyrillic back through the entities', async () => {
    const settings = await ds.getRepository(Setting).find();
    const byKey = Object.fromEntries(settings.map((s) => [s.key, s.value]));
    expect(byKey).toMatchObject({
      'shop.timezone': 'Asia/Vladivostok',
      'subscription.template_id': 1,
      'birthday.send_at': '09:00',
      'broadcast.paid': false,
      'test_mode.secret': null,
      'referral.template_id': null,
    });
    const segment = await ds.getRepository(Segment).findOneByOrFail({ name: 'Подписчики канала' });
    expect(segment.filter).toEqual({ all: [{ field: 'isSubscribed', op: 'eq', value: true }] });
    const missing = await ds.getRepository(MessageTemplate).findOneByOrFail({ key: 'subscribe_missing' });
    expect(missing.text).toContain('пока не вижу подписки');
    const welcome = await ds.getRepository(MessageTemplate).findOneByOrFail({ key: 'welcome' });
    expect(welcome.text).toMatch(/^Здравствуйте, \{first_name\}! 🍬/);
  });

  it('saves and reads entities: generated birthday columns, DATE as string, UTC times', async () => {
    const [{ zone }] = await ds.query('SELECT @@session.time_zone AS zone');
    expect(zone).toBe('+00:00');

    const users = ds.getRepository(User);
    const saved = await users.save(
      users.create({
        telegramId: 7_000_000_001,
        firstName: 'Мария 🍬',
        birthDate: '1992-02-29',
        tags: ['vip'],
      }),
    );
    const user = await users.findOneByOrFail({ id: saved.id });
    expect(user).toMatchObject({
      telegramId: 7_000_000_001,
      firstName: 'Мария 🍬',
      birthDate: '1992-02-29',
      birthMonth: 2,
      birthDay: 29,
      tags: ['vip'],
      status: 'active',
      source: 'direct',
      isSubscribed: false,
    });
    expect(Math.abs(user.createdAt.getTime() - Date.now())).toBeLessThan(60_000);

    const log = await ds
      .getRepository(AuditLog)
      .save({ actorType: 'system', action: 'test.ping', changes: null });
    expect(typeof log.id).toBe('number');

    await ds.getRepository(AuditLog).delete({ id: log.id });
    await users.delete({ id: saved.id });
  });

  it('matches the entities: TypeORM finds nothing to change', async () => {
    // The app connects as `mysql` (the same driver serves both servers). Reading the schema back is where
    // they differ: MariaDB reports COLUMN_DEFAULT 'NULL' for every nullable column, which only TypeORM's
    // `mariadb` flavour understands (as `mysql` it would "fix" every nullable column). So the comparison
    // uses the flavour of the server actually running; on MySQL 8 it is the app's own options.
    const options = typeOrmOptions(databaseUrl) as MysqlConnectionOptions;
    const [{ version }] = await ds.query('SELECT VERSION() AS version');
    const inspector = new DataSource({ ...options, type: /mariadb/i.test(version) ? 'mariadb' : 'mysql' });
    await inspector.initialize();
    try {
      const { upQueries } = await inspector.driver.createSchemaBuilder().log();
      expect(upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await inspector.destroy();
    }
  });

  it('reverts every migration, leaving only the migrations table, and applies them again', async () => {
    await revertAll();
    expect(await tableNames()).toEqual(['migrations']);

    const applied = await ds.runMigrations({ transaction: 'each' });
    expect(applied.map((m) => m.name)).toEqual(MIGRATIONS);
    expect(await tableNames()).toEqual([...TABLES, ...TYPEORM_TABLES].sort());
    expect(await count('message_templates')).toBe(16);
  });
});
