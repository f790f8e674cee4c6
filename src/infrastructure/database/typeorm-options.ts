import { join } from 'node:path';
import * as mysql2 from 'mysql2';
import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';

/**
 * mysql2 with every new pooled connection switched to UTC before its first query.
 * `timezone: 'Z'` only converts JS Dates; CURRENT_TIMESTAMP(3) defaults, ON UPDATE and NOW() follow the
 * session time zone, which is the server's unless set. Stored times must be UTC (SPEC 2), whatever the
 * server's zone is. mysql2 runs a connection's commands in order, so the SET precedes any other query.
 */
const utcMysql2: typeof mysql2 = Object.create(mysql2, {
  // An own, enumerable property: TypeORM treats a driver object without own keys as "not installed".
  createPool: {
    enumerable: true,
    value(config: mysql2.PoolOptions): mysql2.Pool {
      const pool = mysql2.createPool(config);
      pool.on('connection', (connection) => {
        connection.query("SET time_zone = '+00:00'", (error) => {
          if (error) connection.destroy();
        });
      });
      return pool;
    },
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
