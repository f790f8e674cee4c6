import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { SchemaStatus } from './schema-status';
import { StatementBatches } from './statement-batches';
import { typeOrmOptions } from './typeorm-options';

/**
 * The MySQL/MariaDB connection (TypeORM's pool, and the hot paths' StatementBatches). Migrations own the
 * schema; nothing is synchronised at start.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...typeOrmOptions(config.databaseUrl),
        // A database that does not answer the handshake in 2 s is down: the request answers 503 at once
        // rather than after mysql2's default 10 s (a refused or closed connection fails at once anyway).
        connectTimeout: 2_000,
        retryAttempts: 3,
        retryDelay: 1000,
      }),
    }),
  ],
  providers: [SchemaStatus, StatementBatches],
  exports: [SchemaStatus, StatementBatches],
})
export class DatabaseModule {}
