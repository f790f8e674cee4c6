import { ApiProperty } from '@nestjs/swagger';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DeliveryCounts, progressPercent, totalOf } from '../domain/broadcast-lifecycle';
import { BroadcastAudience } from '../persistence/broadcast-audience';
import { BroadcastRecords } from '../persistence/broadcast-records';
import { BROADCAST_STATUSES, BroadcastStatus } from '../persistence/broadcast.entity';
import { DeliveryLedger } from '../persistence/delivery-ledger';

export class BroadcastStats implements DeliveryCounts {
  @ApiProperty() broadcastId: number;
  @ApiProperty({ enum: BROADCAST_STATUSES }) status: BroadcastStatus;
  @ApiProperty({ description: 'Recipients resolved when sending started (0 before)' }) target: number;
  @ApiProperty({ description: 'Not sent yet (after a cancel: never will be)' }) pending: number;
  @ApiProperty({ description: 'In flight right now' }) sending: number;
  @ApiProperty() sent: number;
  @ApiProperty({ description: 'Not delivered after every attempt, or refused by Telegram' }) failed: number;
  @ApiProperty({ description: 'The client blocked the bot or is unreachable' }) blocked: number;
  @ApiProperty({ description: 'Interrupted mid-send (crash, no answer): maybe delivered, never re-sent' })
  unknown: number;
  @ApiProperty({ description: 'Recipients with an outcome, % of target (one decimal)' }) progress: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Before sending starts: how many clients it would reach now; null afterwards',
  })
  audience: number | null;
}

/** Progress of a broadcast, live from its delivery rows. BROADCAST_NOT_FOUND. */
export class GetBroadcastStatsQuery extends Query<BroadcastStats> {
  constructor(readonly id: number) {
    super();
  }
}

@QueryHandler(GetBroadcastStatsQuery)
export class GetBroadcastStatsHandler implements IQueryHandler<GetBroadcastStatsQuery, BroadcastStats> {
  constructor(
    private readonly records: BroadcastRecords,
    private readonly ledger: DeliveryLedger,
    private readonly audience: BroadcastAudience,
  ) {}

  async execute({ id }: GetBroadcastStatsQuery): Promise<BroadcastStats> {
    const broadcast = await this.records.get(id);
    const counts = await this.ledger.counts(id);
    const unresolved = broadcast.status === 'draft' || broadcast.status === 'scheduled';
    const finished = broadcast.status === 'sent' || broadcast.status === 'failed';
    return {
      broadcastId: id,
      status: broadcast.status,
      target: Math.max(broadcast.targetCount, totalOf(counts)),
      ...counts,
      progress: progressPercent(counts, finished),
      audience: unresolved ? await this.audience.count(broadcast).catch(() => null) : null,
    };
  }
}
