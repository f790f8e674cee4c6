import { Command, CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { alertDigestText } from '../domain/owner-alert';
import { TellOwnersCommand } from '../../notices/commands/tell-owners.command';
import { PendingAlerts } from '../persistence/pending-alerts';

export interface DigestResult {
  alerts: number;
  ownersTold: number;
}

/**
 * Sends every pending alert to the owners in one message (nothing when none is pending). When owners are
 * linked but none could be reached (Telegram down), the alerts go back and the job fails, to be retried.
 */
export class SendAlertDigestCommand extends Command<DigestResult> {}

@CommandHandler(SendAlertDigestCommand)
export class SendAlertDigestHandler implements ICommandHandler<SendAlertDigestCommand> {
  constructor(
    private readonly pending: PendingAlerts,
    private readonly commands: CommandBus,
  ) {}

  async execute(): Promise<DigestResult> {
    const alerts = await this.pending.takeAll();
    if (alerts.length === 0) return { alerts: 0, ownersTold: 0 };
    let result: { reachable: number; told: number };
    try {
      result = await this.commands.execute(new TellOwnersCommand(alertDigestText(alerts)));
    } catch (error) {
      await this.pending.putBack(alerts);
      throw error;
    }
    if (result.reachable > 0 && result.told === 0) {
      await this.pending.putBack(alerts);
      throw new Error(`No owner could be told about ${alerts.length} alerts; they wait for the next attempt`);
    }
    return { alerts: alerts.length, ownersTold: result.told };
  }
}
