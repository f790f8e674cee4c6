import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { alertDigestText } from '../domain/owner-alert';
import { OwnersTelegram } from '../owners-telegram';
import { PendingAlerts } from '../persistence/pending-alerts';

export interface DigestResult {
  alerts: number;
  ownersTold: number;
}

/** Sends every pending alert to the owners in one message (nothing when none is pending). */
export class SendAlertDigestCommand extends Command<DigestResult> {}

@CommandHandler(SendAlertDigestCommand)
export class SendAlertDigestHandler implements ICommandHandler<SendAlertDigestCommand> {
  constructor(
    private readonly pending: PendingAlerts,
    private readonly owners: OwnersTelegram,
  ) {}

  async execute(): Promise<DigestResult> {
    const alerts = await this.pending.takeAll();
    if (alerts.length === 0) return { alerts: 0, ownersTold: 0 };
    return { alerts: alerts.length, ownersTold: await this.owners.tell(alertDigestText(alerts)) };
  }
}
