import { Command, CommandBus, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { GetSettingQuery } from '../../settings/queries/get-setting.query';
import { GetKpiQuery } from '../../stats/queries/get-kpi.query';
import { morningSummaryText } from '../domain/morning-summary';
import { TellOwnersCommand } from '../../notices/commands/tell-owners.command';

/** Yesterday's figures to the owners, unless `owner_alerts.morning_summary` is off by the time it runs. */
export class SendMorningSummaryCommand extends Command<{ sent: boolean; ownersTold: number }> {
  constructor(readonly shopDate: string) {
    super();
  }
}

@CommandHandler(SendMorningSummaryCommand)
export class SendMorningSummaryHandler implements ICommandHandler<SendMorningSummaryCommand> {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  async execute({ shopDate }: SendMorningSummaryCommand): Promise<{ sent: boolean; ownersTold: number }> {
    if (!(await this.queries.execute(new GetSettingQuery('owner_alerts.morning_summary'))))
      return { sent: false, ownersTold: 0 };
    // Test data never counts (GetKpiQuery leaves it out).
    const kpi = await this.queries.execute(new GetKpiQuery({ from: shopDate, to: shopDate }));
    const text = morningSummaryText(shopDate, {
      registrations: kpi.users.new,
      codesIssued: kpi.codes.issued,
      codesRedeemed: kpi.codes.redeemed,
      broadcastsSent: kpi.broadcasts.sent,
    });
    const { told } = await this.commands.execute(new TellOwnersCommand(text));
    return { sent: true, ownersTold: told };
  }
}
