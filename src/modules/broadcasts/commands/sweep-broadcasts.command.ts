import { Logger } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { BroadcastRecords } from '../persistence/broadcast-records';
import { DeliveryLedger } from '../persistence/delivery-ledger';
import { SettleBroadcastCommand } from './settle-broadcast.command';

/**
 * A row `sending` for this long belongs to a worker that died: a send is abandoned after 30 s, so this is
 * generous. Such rows become `unknown` (maybe delivered) and are never sent again.
 */
export const STALE_SENDING_MS = 10 * 60_000;
/** Cancelled broadcasts are watched this long for sends that were in flight. */
const CANCELLED_WATCH_MS = 24 * 3600_000;

export interface SweepResult {
  broadcasts: number;
  staleToUnknown: number;
  finished: number;
}

/** The minute sweep: stale `sending` rows become `unknown`, counters refreshed, settled broadcasts ended. */
export class SweepBroadcastsCommand extends Command<SweepResult> {
  constructor(readonly now: Date) {
    super();
  }
}

@CommandHandler(SweepBroadcastsCommand)
export class SweepBroadcastsHandler implements ICommandHandler<SweepBroadcastsCommand, SweepResult> {
  private readonly logger = new Logger(SweepBroadcastsHandler.name);

  constructor(
    private readonly records: BroadcastRecords,
    private readonly ledger: DeliveryLedger,
    private readonly commands: CommandBus,
  ) {}

  async execute({ now }: SweepBroadcastsCommand): Promise<SweepResult> {
    const active = await this.records.active(new Date(now.getTime() - CANCELLED_WATCH_MS));
    const result: SweepResult = { broadcasts: active.length, staleToUnknown: 0, finished: 0 };
    for (const { id } of active) {
      const stale = await this.ledger.staleToUnknown(id, new Date(now.getTime() - STALE_SENDING_MS), now);
      if (stale > 0) this.logger.warn({ broadcastId: id, stale }, 'Sends stuck in flight marked unknown');
      result.staleToUnknown += stale;
      const { finished } = await this.commands.execute(new SettleBroadcastCommand(id));
      if (finished) result.finished++;
    }
    return result;
  }
}
