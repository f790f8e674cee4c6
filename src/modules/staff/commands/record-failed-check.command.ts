import { Command, CommandHandler, EventBus, ICommandHandler } from '@nestjs/cqrs';
import { CashierChecksPausedEvent } from '../events/cashier-checks.events';
import { CHECKS_PAUSE_MS, CheckGuard } from '../persistence/check-guard';

export interface FailedCheck {
  /** Failed checks by this cashier in the last minute, this one included. */
  failures: number;
  /** This failure went over the limit: the cashier's checks are paused from now. */
  pausedNow: boolean;
  pauseSeconds: number;
}

/**
 * A cashier's code check failed (not found, used, expired ...). More than 10 in a sliding minute pause that
 * cashier's checks for a minute (code guessing): CashierChecksPausedEvent is published once per pause and
 * the owners are told.
 */
export class RecordFailedCheckCommand extends Command<FailedCheck> {
  constructor(readonly cashier: { id: number; fullName: string }) {
    super();
  }
}

@CommandHandler(RecordFailedCheckCommand)
export class RecordFailedCheckHandler implements ICommandHandler<RecordFailedCheckCommand, FailedCheck> {
  constructor(
    private readonly guard: CheckGuard,
    private readonly events: EventBus,
  ) {}

  async execute({ cashier }: RecordFailedCheckCommand): Promise<FailedCheck> {
    const { failures, pausedNow } = await this.guard.recordFailure(cashier.id);
    const pauseSeconds = CHECKS_PAUSE_MS / 1000;
    if (pausedNow) this.events.publish(new CashierChecksPausedEvent(cashier, failures, pauseSeconds));
    return { failures, pausedNow, pauseSeconds };
  }
}
