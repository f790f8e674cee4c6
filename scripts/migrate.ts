import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { typeOrmOptions } from '../src/infrastructure/database/typeorm-options';

/**
 * `npm run migration:run` (and the second half of `npm run setup`): applies the migrations not run yet and
 * says so in a line or two. The TypeORM CLI would print every SQL statement (it forces query logging).
 */
async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      `DATABASE_URL is not set${existsSync('.env') ? '' : ': there is no .env file here, copy the example with `cp .env.example .env`'}`,
    );
  }
  const database = new URL(url).pathname.replace(/^\//, '');
  const dataSource = await new DataSource(typeOrmOptions(url)).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'all' });
    console.log(
      applied.length === 0
        ? `Database ${database}: already up to date (${dataSource.migrations.length} migrations).`
        : `Database ${database}: applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}.`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
