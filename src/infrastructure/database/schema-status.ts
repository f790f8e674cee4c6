import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { pendingMigrations, pendingMigrationsMessage } from './pending-migrations';

/**
 * Whether the database has every migration this code ships. Checked at start (an error line naming the
 * command to run, instead of 500s on the first login) and by /health/ready until it is; once complete it
 * stays complete for the life of the process (migrations are never un-run under a running app).
 */
@Injectable()
export class SchemaStatus implements OnModuleInit {
  private readonly logger = new Logger('Database');
  private complete = false;

  constructor(private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    const pending = await this.pending().catch(() => []);
    if (pending.length > 0) this.logger.error(pendingMigrationsMessage(pending));
  }

  /** Names of the migrations not applied yet (empty when the schema is current). */
  async pending(): Promise<string[]> {
    if (this.complete) return [];
    const known = this.dataSource.migrations.map((m) => m.name ?? m.constructor.name);
    const pending = pendingMigrations(known, await this.applied());
    this.complete = pending.length === 0;
    return pending;
  }

  private async applied(): Promise<string[]> {
    const table = this.dataSource.options.migrationsTableName ?? 'migrations';
    try {
      const rows = (await this.dataSource.query(`SELECT name FROM \`${table}\``)) as Array<{ name: string }>;
      return rows.map((r) => r.name);
    } catch (error) {
      if ((error as { code?: string }).code === 'ER_NO_SUCH_TABLE') return [];
      throw error;
    }
  }
}
