import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';

export interface StuckBroadcast {
  id: number;
  title: string;
  /** Minutes since a delivery of it last changed (or since it started, with none). */
  idleMinutes: number;
}

/** Broadcasts in status `sending` whose deliveries have not changed for `idleMinutes` or more. */
export class GetStuckBroadcastsQuery extends Query<StuckBroadcast[]> {
  constructor(readonly idleMinutes: number) {
    super();
  }
}

@QueryHandler(GetStuckBroadcastsQuery)
export class GetStuckBroadcastsHandler implements IQueryHandler<GetStuckBroadcastsQuery, StuckBroadcast[]> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ idleMinutes }: GetStuckBroadcastsQuery): Promise<StuckBroadcast[]> {
    // Few broadcasts are ever sending at once; their deliveries are read by (broadcast_id, ...) keys.
    const rows = (await this.dataSource.query(
      'SELECT b.id, b.title, TIMESTAMPDIFF(MINUTE, GREATEST(COALESCE(b.started_at, b.updated_at), ' +
        'COALESCE(MAX(d.updated_at), b.started_at, b.updated_at)), NOW(3)) AS idle FROM broadcasts b ' +
        "LEFT JOIN broadcast_deliveries d ON d.broadcast_id = b.id WHERE b.status = 'sending' AND b.is_test = 0 " +
        'GROUP BY b.id, b.title HAVING idle >= ? ORDER BY b.id',
      [idleMinutes],
    )) as Array<{ id: number; title: string; idle: number | string }>;
    return rows.map((row) => ({ id: Number(row.id), title: row.title, idleMinutes: Number(row.idle) }));
  }
}
