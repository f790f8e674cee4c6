import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import { Metrics } from '../../../infrastructure/metrics/metrics';

/**
 * Fills `dvorik_broadcast_recipients{broadcast, status}` at scrape time with the delivery rows of the
 * broadcasts being sent, and `dvorik_broadcast_last_progress_timestamp_seconds{broadcast}` (a broadcast
 * whose rows stopped changing is stuck). Only processes with the api role report it (one set of series, not one a replica).
 */
@Injectable()
export class BroadcastProgressMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (this.config.roles.has('api')) this.metrics.onScrape(() => this.read());
  }

  private async read(): Promise<void> {
    const rows = (await this.dataSource.query(
      'SELECT d.broadcast_id, d.status, COUNT(*) AS n FROM broadcast_deliveries d ' +
        "JOIN broadcasts b ON b.id = d.broadcast_id AND b.status = 'sending' GROUP BY d.broadcast_id, d.status",
    )) as Array<{ broadcast_id: number; status: string; n: number | string }>;
    const progress = (await this.dataSource.query(
      'SELECT b.id, UNIX_TIMESTAMP(GREATEST(COALESCE(b.started_at, b.updated_at), ' +
        'COALESCE(MAX(d.updated_at), b.started_at, b.updated_at))) AS at FROM broadcasts b ' +
        "LEFT JOIN broadcast_deliveries d ON d.broadcast_id = b.id WHERE b.status = 'sending' GROUP BY b.id",
    )) as Array<{ id: number; at: number | string }>;
    this.metrics.broadcastLastProgress.reset();
    for (const row of progress)
      this.metrics.broadcastLastProgress.set({ broadcast: String(row.id) }, Number(row.at));
    this.metrics.broadcastRecipients.reset();
    for (const row of rows) {
      this.metrics.broadcastRecipients.set(
        { broadcast: String(row.broadcast_id), status: row.status },
        Number(row.n),
      );
    }
  }
}
