import { Command, CommandBus, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { DomainError } from '../../../common/errors/domain-error';
import { RecordFailedCheckCommand } from '../../staff/commands/record-failed-check.command';
import { CodeCheck } from '../../codes/queries/code-answers';
import { GetChecksPauseQuery } from '../../staff/queries/get-checks-pause.query';
import { CheckDiscountCommand } from '../../codes/commands/check-discount.command';

/** What a cashier's check of a code came to. */
export type CashierCheck =
  | { outcome: 'valid'; check: CodeCheck }
  | { outcome: 'refused'; error: DomainError; pausedNow: boolean; pauseSeconds: number }
  | { outcome: 'paused'; pausedFor: number };

/**
 * A cashier checks a code (staff bot: typed, pasted or read from a photo; Mini App scanner: scanned or
 * typed). While the cashier's checks are paused nothing is checked; a refusal counts as a failed check, and
 * more than 10 a minute, from any of those places together, pause the cashier (code guessing).
 */
export class CheckCodeAsCashierCommand extends Command<CashierCheck> {
  constructor(
    readonly cashier: { id: number; fullName: string },
    readonly code: string,
  ) {
    super();
  }
}

@CommandHandler(CheckCodeAsCashierCommand)
export class CheckCodeAsCashierHandler implements ICommandHandler<CheckCodeAsCashierCommand, CashierCheck> {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  async execute({ cashier, code }: CheckCodeAsCashierCommand): Promise<CashierCheck> {
    const pausedFor = await this.queries.execute(new GetChecksPauseQuery(cashier.id));
    if (pausedFor > 0) return { outcome: 'paused', pausedFor };
    try {
      const check = await this.commands.execute(
        new CheckDiscountCommand({ code, channel: 'staff_bot', cashierId: cashier.id }),
      );
      return { outcome: 'valid', check };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const failed = await this.commands.execute(
        new RecordFailedCheckCommand({ id: cashier.id, fullName: cashier.fullName }),
      );
      return { outcome: 'refused', error, pausedNow: failed.pausedNow, pauseSeconds: failed.pauseSeconds };
    }
  }
}
