import { Command, CommandBus, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { Clock } from '../../../common/clock/clock';
import { GetStuckBroadcastsQuery } from '../../broadcasts/queries/get-stuck-broadcasts.query';
import { STUCK_AFTER_MINUTES } from '../domain/owner-alert';
import { PendingAlerts } from '../persistence/pending-alerts';
import { RecordOwnerAlertCommand } from './record-owner-alert.command';

/** Raises an alert for each broadcast stuck in `sending`, once a day per broadcast; answers how many. */
export class CheckStuckBroadcastsCommand extends Command<{ stuck: number; raised: number }> {}

@CommandHandler(CheckStuckBroadcastsCommand)
export class CheckStuckBroadcastsHandler implements ICommandHandler<CheckStuckBroadcastsCommand> {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
    private readonly pending: PendingAlerts,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<{ stuck: number; raised: number }> {
    const stuck = await this.queries.execute(new GetStuckBroadcastsQuery(STUCK_AFTER_MINUTES));
    let raised = 0;
    for (const broadcast of stuck) {
      if (!(await this.pending.once(`broadcast-stuck-${broadcast.id}`))) continue;
      await this.commands.execute(
        new RecordOwnerAlertCommand({
          kind: 'broadcast_stuck',
          broadcastId: broadcast.id,
          title: broadcast.title,
          idleMinutes: broadcast.idleMinutes,
          at: this.clock.now().toISOString(),
        }),
      );
      raised += 1;
    }
    return { stuck: stuck.length, raised };
  }
}
