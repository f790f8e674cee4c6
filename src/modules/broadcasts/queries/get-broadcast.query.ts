import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { BroadcastRecords } from '../persistence/broadcast-records';
import { DeliveryLedger } from '../persistence/delivery-ledger';
import { BroadcastView, toBroadcastView } from './broadcast-view';

/** One broadcast; while it is being sent its counters are read live from the rows. BROADCAST_NOT_FOUND. */
export class GetBroadcastQuery extends Query<BroadcastView> {
  constructor(readonly id: number) {
    super();
  }
}

@QueryHandler(GetBroadcastQuery)
export class GetBroadcastHandler implements IQueryHandler<GetBroadcastQuery, BroadcastView> {
  constructor(
    private readonly records: BroadcastRecords,
    private readonly ledger: DeliveryLedger,
  ) {}

  async execute({ id }: GetBroadcastQuery): Promise<BroadcastView> {
    const view = toBroadcastView(await this.records.get(id));
    if (view.status !== 'sending') return view;
    const counts = await this.ledger.counts(id);
    return { ...view, sentCount: counts.sent, failedCount: counts.failed, blockedCount: counts.blocked };
  }
}

/** Scheduled broadcasts whose time has come (the minute tick enqueues their start jobs). */
export class DueBroadcastsQuery extends Query<Array<{ id: number; scheduledAt: Date }>> {
  constructor(readonly now: Date) {
    super();
  }
}

@QueryHandler(DueBroadcastsQuery)
export class DueBroadcastsHandler implements IQueryHandler<DueBroadcastsQuery> {
  constructor(private readonly records: BroadcastRecords) {}

  async execute({ now }: DueBroadcastsQuery): Promise<Array<{ id: number; scheduledAt: Date }>> {
    const due = await this.records.due(now);
    return due.map(({ id, scheduledAt }) => ({ id, scheduledAt: scheduledAt as Date }));
  }
}
