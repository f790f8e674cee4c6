import { Injectable, Logger } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Context } from 'telegraf';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { errorTextRu } from '../../common/errors/error-texts.ru';
import { DecideCashierCommand } from '../../modules/staff/commands/decide-cashier.command';
import { applicationOutcome } from '../../modules/notices/domain/cashier-notices';
import { parseDecisionButton } from '../../modules/notices/telegram/decision-buttons';
import { CashierView } from '../../modules/staff/queries/cashier-view';
import { GetCashierQuery } from '../../modules/staff/queries/get-cashier.query';
import { StaffMember } from '../../modules/staff/queries/get-staff-member.query';
import { STAFF_TEXTS } from './staff-texts';

/**
 * An owner presses «Одобрить» or «Отклонить» under an application. The first decision wins; a late or
 * repeated press is told so kindly, and either way the message then shows how the application ended.
 */
@Injectable()
export class CashierDecisionFlow {
  private readonly logger = new Logger(CashierDecisionFlow.name);

  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  async press(ctx: Context, presser: StaffMember, data: string): Promise<void> {
    const button = parseDecisionButton(data);
    if (!button) {
      await ctx.answerCbQuery(STAFF_TEXTS.staleButton);
      return;
    }
    if (presser.admin?.role !== 'owner') {
      await ctx.answerCbQuery(STAFF_TEXTS.ownersOnly, { show_alert: true });
      return;
    }
    try {
      const cashier = await this.commands.execute(
        new DecideCashierCommand(button.cashierId, button.decision, presser.admin.id),
      );
      await ctx.answerCbQuery(button.decision === 'approve' ? 'Заявка одобрена' : 'Заявка отклонена');
      await this.showOutcome(ctx, cashier);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === ErrorCode.CASHIER_ALREADY_DECIDED) {
        await ctx.answerCbQuery(errorTextRu(error));
        await this.showOutcome(ctx, await this.queries.execute(new GetCashierQuery(button.cashierId)));
      } else if (error.code === ErrorCode.CASHIER_NOT_FOUND || error.code === ErrorCode.FORBIDDEN_ROLE) {
        await ctx.answerCbQuery(errorTextRu(error), { show_alert: true });
      } else {
        throw error;
      }
    }
  }

  /** Replaces the application's buttons with its outcome. The popup has already told the owner. */
  private async showOutcome(ctx: Context, cashier: CashierView): Promise<void> {
    try {
      await ctx.editMessageText(applicationOutcome(cashier), { parse_mode: 'HTML' });
    } catch (error) {
      // Already showing it ("message is not modified"), or the message is gone: nothing to fix.
      this.logger.debug({ err: error, cashierId: cashier.id }, 'Could not show the outcome on the message');
    }
  }
}
