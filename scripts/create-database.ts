import { existsSync } from 'node:fs';
import { createConnection } from 'mysql2/promise';

/** Creates the database named in DATABASE_URL (utf8mb4) if it does not exist yet: `npm run db:create`. */
async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set');

  const url = new URL(databaseUrl);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!database)
    throw new Error('DATABASE_URL names no database (mysql://user:password@host:3306/<database>)');

  const connection = await createConnection({
    host: url.hostname,
    port: url.port ? Number(url.port) : 3306,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  });
  try {
    const [result] = await connection.query(
      `CREATE DATABASE IF NOT EXISTS ${connection.escapeId(database)}
       DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    // IF NOT EXISTS on an existing database is a no-op that leaves a warning instead of a row.
    const created = 'warningStatus' in result && result.warningStatus === 0;
    console.log(`Database ${database}: ${created ? 'created' : 'already exists'} on ${url.host}`);
  } finally {
    await connection.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
