import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { typeOrmOptions } from './typeorm-options';

// The TypeORM CLI's data source (npm run migration:run | migration:revert | migration:generate).
// A local .env fills in what the environment does not set; it never overrides it.
if (existsSync('.env')) process.loadEnvFile('.env');

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  throw new Error('DATABASE_URL is not set (e.g. mysql://user:password@127.0.0.1:3306/dvorik)');
}

export default new DataSource(typeOrmOptions(databaseUrl));
