import { join } from 'node:path';
import * as mysql2 from 'mysql2';
import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import { utcSessions } from './utc-session';

/** mysql2 with every new pooled connection switched to UTC before its first query (utc-session.ts). */
const utcMysql2: typeof mysql2 = Object.create(mysql2, {
  // An own, enumerable property: TypeORM treats a driver object without own keys as "not installed".
  createPool: {
    enumerable: true,
    value: (config: mysql2.PoolOptions): mysql2.Pool => utcSessions(mysql2.createPool(config)),
  },
});

/** TypeORM options shared by the application, the CLI data source and the tests. */
export function typeOrmOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'mysql',
    url: databaseUrl,
    driver: utcMysql2,
    connectorPackage: 'mysql2',
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: false,
    namingStrategy: new SnakeNamingStrategy(),
    // Every `modules/<feature>/persistence/*.entity` file: found by path, so this layer imports no module.
    entities: [join(__dirname, '../../modules/*/persistence/*.entity.{ts,js}')],
    // Relative to this file, which is src/infrastructure/database in ts-node and dist/src/... once built.
    migrations: [join(__dirname, '../../../migrations/*.{ts,js}')],
    synchronize: false,
    migrationsRun: false,
    logging: false,
  };
}
