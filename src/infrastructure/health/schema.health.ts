import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { pendingMigrationsMessage } from '../database/pending-migrations';
import { SchemaStatus } from '../database/schema-status';

/** The schema is up when every migration of this code has run; down lists what is missing. */
@Injectable()
export class SchemaHealthIndicator {
  constructor(
    private readonly indicator: HealthIndicatorService,
    private readonly schema: SchemaStatus,
  ) {}

  async migratedCheck(key: string) {
    const check = this.indicator.check(key);
    try {
      const pending = await this.schema.pending();
      if (pending.length === 0) return check.up();
      return check.down({ message: pendingMigrationsMessage(pending), pending });
    } catch (error) {
      return check.down({ message: (error as Error).message });
    }
  }
}
