import { Injectable, Logger } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Context, Markup } from 'telegraf';
import { DomainError } from '../../common/errors/domain-error';
import { RecordFailedCheckCommand } from '../../modules/staff/commands/record-failed-check.command';
import { RedeemDiscountCommand } from '../../modules/codes/commands/redeem-discount.command';
import { GetChecksPauseQuery } from '../../modules/staff/queries/get-checks-pause.query';
import { CheckDiscountCommand } from '../../modules/codes/commands/check-discount.command';
import { GetSettingQuery } from '../../modules/settings/queries/get-setting.query';
import { CashierView } from '../../modules/staff/queries/cashier-view';
import { codeCard, DESK_TEXTS, redeemedCard, refusalReason, refusalText } from './code-desk-texts';
import { codeInText } from './typed-code';

/** «Погасить» under a valid code: `redeem:<CODE>`. */
export const REDEEM_BUTTON = /^redeem:([A-Z0-9]{4,16})$/;

/**
 * An approved cashier's code desk (SPEC 4). A code typed (any case, spaces allowed), `/check CODE`, or the
 * text a phone's QR scanner pastes is checked (CheckDiscountCommand): a valid code shows its worth,
 * description, client and expiry above «Погасить»; anything else gets the reason in Russian and counts as a
 * failed check (more than 10 a minute pause the cashier's checks, RecordFailedCheckCommand). The press
 * redeems (RedeemDiscountCommand, channel staff_bot): «Погашено ✅» and the card edited, or «уже погашен»
 * with the time of the first redemption for a second press or a second cashier.
 */
@Injectable()
export class CashierCodeDesk {
  private readonly logger = new Logger(CashierCodeDesk.name);

  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  async greet(ctx: Context, cashier: CashierView): Promise<void> {
    await ctx.reply(DESK_TEXTS.greet(cashier.fullName));
  }

  /** A cashier sent something that may be a code (`typed` as sent; empty for a bare /check). */
  async check(ctx: Context, cashier: CashierView, typed: string): Promise<void> {
    if (!typed.trim()) return void (await ctx.reply(DESK_TEXTS.usage));
    const code = codeInText(typed);
    if (!code) return void (await ctx.reply(DESK_TEXTS.notACode));
    const pausedFor = await this.queries.execute(new GetChecksPauseQuery(cashier.id));
    if (pausedFor > 0) return void (await ctx.reply(DESK_TEXTS.paused(pausedFor)));
    const timezone = await this.timezone();
    try {
      const check = await this.commands.execute(
        new CheckDiscountCommand({ code, channel: 'staff_bot', cashierId: cashier.id }),
      );
      // A shared code is redeemed for a known client, which only the till can name: no button here.
      const keyboard = check.shared
        ? {}
        : Markup.inlineKeyboard([[Markup.button.callback(DESK_TEXTS.redeemButton, `redeem:${check.code}`)]]);
      await ctx.reply(codeCard(check, timezone), { parse_mode: 'HTML', ...keyboard });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const failed = await this.commands.execute(
        new RecordFailedCheckCommand({ id: cashier.id, fullName: cashier.fullName }),
      );
      const pause = failed.pausedNow ? `\n\n${DESK_TEXTS.pausedNow(failed.pauseSeconds)}` : '';
      await ctx.reply(refusalText(code, error, timezone) + pause, { parse_mode: 'HTML' });
    }
  }

  /** «Погасить» pressed (`callbackData` as sent). */
  async redeem(ctx: Context, cashier: CashierView, callbackData: string): Promise<void> {
    const code = REDEEM_BUTTON.exec(callbackData)?.[1] ?? '';
    const timezone = await this.timezone();
    try {
      const redemption = await this.commands.execute(
        new RedeemDiscountCommand({ code, channel: 'staff_bot', cashierId: cashier.id }),
      );
      await this.answer(ctx, DESK_TEXTS.redeemed);
      await this.edit(ctx, redeemedCard(redemption, timezone));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // The card may be this cashier's own, already edited by a first press: leave its text, drop the button.
      await this.answer(ctx, refusalReason(error, timezone), true);
      await this.dropButton(ctx);
      await ctx.reply(refusalText(code, error, timezone), { parse_mode: 'HTML' });
    }
  }

  /** A photo (of a QR?) or anything else that is not text. */
  async notText(ctx: Context): Promise<void> {
    await ctx.reply(DESK_TEXTS.photo);
  }

  private timezone(): Promise<string> {
    return this.queries.execute(new GetSettingQuery('shop.timezone'));
  }

  private async answer(ctx: Context, text: string, alert = false): Promise<void> {
    try {
      await ctx.answerCbQuery(text.slice(0, 200), { show_alert: alert });
    } catch (error) {
      this.logger.debug({ err: error }, 'Could not answer a callback query');
    }
  }

  private async edit(ctx: Context, html: string): Promise<void> {
    try {
      await ctx.editMessageText(html, { parse_mode: 'HTML' });
    } catch (error) {
      this.logger.debug({ err: error }, 'Could not edit the code card; replying instead');
      await ctx.reply(html, { parse_mode: 'HTML' });
    }
  }

  private async dropButton(ctx: Context): Promise<void> {
    try {
      await ctx.editMessageReplyMarkup(undefined);
    } catch (error) {
      this.logger.debug({ err: error }, 'Could not take the button off a code card');
    }
  }
}
