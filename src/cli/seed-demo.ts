import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { typeOrmOptions } from '../infrastructure/database/typeorm-options';
import { seedDemoShop } from './demo/seed-demo-shop';

/**
 * `npm run seed:demo -- --users 1000 [--codes-per-user 2] [--seed 42] [--real]`: adds a realistic demo shop to
 * the database of DATABASE_URL, every row marked is_test (so KPIs and real broadcasts ignore it), or counted as
 * real clients with `--real` (a database of its own for trying things out; `npm run demo` does this).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      users: { type: 'string', default: '1000' },
      'codes-per-user': { type: 'string', default: '2' },
      seed: { type: 'string', default: '42' },
      real: { type: 'boolean', default: false },
    },
  });
  const users = Number(values.users);
  const codesPerUser = Number(values['codes-per-user']);
  if (
    !Number.isInteger(users) ||
    users < 1 ||
    users > 1_000_000 ||
    !Number.isInteger(codesPerUser) ||
    codesPerUser < 0
  ) {
    console.error(
      'Usage: npm run seed:demo -- --users <1..1000000> [--codes-per-user N] [--seed N] [--real]',
    );
    process.exit(2);
  }
  if (existsSync('.env')) process.loadEnvFile('.env');
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is required but not set');
    process.exit(1);
  }
  const dataSource = await new DataSource(typeOrmOptions(url)).initialize();
  try {
    const started = Date.now();
    const counts = await seedDemoShop(dataSource, {
      users,
      codesPerUser,
      seed: Number(values.seed),
      now: new Date(),
      markAsTest: !values.real,
      log: (line) => process.stdout.write(`${line}\n`),
    });
    process.stdout.write(
      `Demo shop added in ${((Date.now() - started) / 1000).toFixed(1)} s: ${counts.users} clients, ` +
        `${counts.discounts} codes, ${counts.redemptions} redemptions, ${counts.broadcasts} broadcasts (${values.real ? 'counted as real clients' : 'all is_test'}).\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}

void main();
