import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { aDiscount, anAdmin, aUser } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

const root = join(__dirname, '..', '..');

async function rowCounts(url: string): Promise<Record<string, number>> {
  const connection = await createConnection(url);
  try {
    const [tables] = await connection.query<Array<{ name: string } & import('mysql2').RowDataPacket>>(
      'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name',
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const [[row]] = await connection.query<Array<{ n: number } & import('mysql2').RowDataPacket>>(
        `SELECT COUNT(*) AS n FROM \`${name}\``,
      );
      counts[name] = Number(row.n);
    }
    return counts;
  } finally {
    await connection.end();
  }
}

describe('scripts/backup.sh and scripts/restore.sh', () => {
  let t: TestApp;
  const restored = `${process.env.DATABASE_URL}_restore`;
  beforeAll(async () => {
    t = await createTestApp({ env: { APP_ROLES: 'api' } });
    const user = await aUser(t.dataSource, { firstName: 'Ёлка 🎄', tags: ['вип', 'сладкоежка'] });
    await aDiscount(t.dataSource, user);
    await anAdmin(t.dataSource);
  });
  afterAll(async () => {
    const connection = await createConnection(
      process.env.TEST_DATABASE_SERVER ?? 'mysql://root@127.0.0.1:3306',
    );
    await connection.query(`DROP DATABASE IF EXISTS \`${new URL(restored).pathname.slice(1)}\``);
    await connection.end();
    await t.close();
  });

  it('restores into a fresh database with the same tables, row counts and Cyrillic', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dvorik-backup-')), 'backup.sql.gz');
    const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL };
    execFileSync('bash', [join(root, 'scripts/backup.sh'), file], { env, stdio: 'pipe' });
    execFileSync('bash', [join(root, 'scripts/restore.sh'), file], {
      env: { ...env, DATABASE_URL: restored },
      stdio: 'pipe',
    });

    const before = await rowCounts(process.env.DATABASE_URL as string);
    const after = await rowCounts(restored);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(after).toEqual(before);
    expect(after.users).toBe(1);
    expect(after.message_templates).toBe(16);

    const connection = await createConnection(restored);
    const [[user]] = await connection.query<
      Array<{ first_name: string; tags: unknown } & import('mysql2').RowDataPacket>
    >('SELECT first_name, tags FROM users');
    await connection.end();
    expect(user.first_name).toBe('Ёлка 🎄');
    // mysql2 hands JSON back parsed on MySQL and as text on MariaDB (where JSON is LONGTEXT).
    expect(typeof user.tags === 'string' ? JSON.parse(user.tags) : user.tags).toEqual(['вип', 'сладкоежка']);
  });

  it('refuses to restore over a database that has tables', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dvorik-backup-')), 'again.sql.gz');
    execFileSync('bash', [join(root, 'scripts/backup.sh'), file], { env: process.env, stdio: 'pipe' });
    expect(() =>
      execFileSync('bash', [join(root, 'scripts/restore.sh'), file], {
        env: { ...process.env, DATABASE_URL: restored },
        stdio: 'pipe',
      }),
    ).toThrow(/refusing/);
  });

  it("names a dump by its UTC time in BACKUP_DIR, keeps the newest BACKUP_KEEP and writes the alert's status file", () => {
    const dir = mkdtempSync(join(tmpdir(), 'dvorik-backups-'));
    for (const old of ['dvorik-20240101T030000Z.sql.gz', 'dvorik-20240102T030000Z.sql.gz'])
      writeFileSync(join(dir, old), 'old');
    writeFileSync(join(dir, 'notes.txt'), 'not a backup');
    const before = Math.floor(Date.now() / 1000);
    const output = execFileSync('bash', [join(root, 'scripts/backup.sh')], {
      env: { ...process.env, BACKUP_DIR: dir, BACKUP_KEEP: '2' },
      stdio: 'pipe',
    }).toString();
    expect(output).toContain('removed old backup');

    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(4);
    expect(files).toEqual([
      'dvorik-20240102T030000Z.sql.gz',
      expect.stringMatching(/^dvorik-\d{8}T\d{6}Z\.sql\.gz$/),
      'dvorik-backup.prom',
      'notes.txt',
    ]);
    const status = readFileSync(join(dir, 'dvorik-backup.prom'), 'utf8');
    const stamp = Number(/^dvorik_backup_last_success_timestamp_seconds (\d+)$/m.exec(status)?.[1]);
    expect(stamp).toBeGreaterThanOrEqual(before);
    expect(stamp).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
    expect(status).toMatch(/^dvorik_backup_size_bytes [1-9]\d*$/m);
  });

  it('leaves neither a dump nor a new success time when the dump fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dvorik-backups-'));
    expect(() =>
      execFileSync('bash', [join(root, 'scripts/backup.sh')], {
        env: { ...process.env, BACKUP_DIR: dir, DATABASE_URL: `${process.env.DATABASE_URL}_missing` },
        stdio: 'pipe',
      }),
    ).toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("runs DEPLOYMENT.md's restore drill on the newest backup of BACKUP_DIR and leaves no scratch database", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dvorik-backups-'));
    execFileSync('bash', [join(root, 'scripts/backup.sh')], {
      env: { ...process.env, BACKUP_DIR: dir },
      stdio: 'pipe',
    });
    const output = execFileSync('bash', [join(root, 'scripts/restore-drill.sh')], {
      env: { ...process.env, BACKUP_DIR: dir },
      stdio: 'pipe',
    }).toString();
    expect(output).toMatch(/^users\t1$/m);
    expect(output).toMatch(/^message_templates\t16$/m);
    expect(output).toMatch(
      /drill ok: .*dvorik-\d{8}T\d{6}Z\.sql\.gz restores into \d+ tables, [1-9]\d* migrations/,
    );

    const connection = await createConnection(process.env.DATABASE_URL as string);
    const [rows] = await connection.query<Array<{ n: number } & import('mysql2').RowDataPacket>>(
      "SELECT COUNT(*) AS n FROM information_schema.schemata WHERE schema_name = CONCAT(DATABASE(), '_drill')",
    );
    await connection.end();
    expect(Number(rows[0].n)).toBe(0);
  });

  it('fails the drill of a file that is not a Dvorik backup', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dvorik-backups-'));
    execFileSync('bash', [
      '-c',
      `echo 'CREATE TABLE t (id INT);' | gzip > ${dir}/dvorik-20240101T000000Z.sql.gz`,
    ]);
    expect(() =>
      execFileSync('bash', [join(root, 'scripts/restore-drill.sh')], {
        env: { ...process.env, BACKUP_DIR: dir },
        stdio: 'pipe',
      }),
    ).toThrow(/drill FAILED: table migrations is missing/);
  });
});
