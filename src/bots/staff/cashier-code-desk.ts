import { Injectable, Logger } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Context, Markup } from 'telegraf';
import { DomainError } from '../../common/errors/domain-error';
import { RedeemDiscountCommand } from '../../modules/codes/commands/redeem-discount.command';
import { CHECKS_PAUSED_TEXTS, refusalReason } from '../../modules/codes/domain/cashier-refusal';
import { CheckCodeAsCashierCommand } from '../../modules/miniapp/commands/check-code-as-cashier.command';
import { GetSettingQuery } from '../../modules/settings/queries/get-setting.query';
import { CashierView } from '../../modules/staff/queries/cashier-view';
import { codeCard, DESK_TEXTS, redeemedCard, refusalText } from './code-desk-texts';
import { pictureOf, qrOfPicture } from './photo-qr';
import { codeInText } from './typed-code';

/** «Погасить» under a valid code: `redeem:<CODE>`. */
export const REDEEM_BUTTON = /^redeem:([A-Z0-9]{4,16})$/;

/**
 * An approved cashier's code desk (SPEC 4). A code typed (any case, spaces allowed), `/check CODE`, the
 * text a phone's QR scanner pastes, or a photo of the QR is checked (CheckCodeAsCashierCommand, as the Mini
 * App scanner does): a valid code shows its worth, description, client and expiry above «Погасить»; anything
 * else gets the reason in Russian and counts as a failed check (more than 10 a minute pause the cashier's
 * checks). The press
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
    const timezone = await this.timezone();
    const result = await this.commands.execute(new CheckCodeAsCashierCommand(cashier, code));
    switch (result.outcome) {
      case 'paused':
        return void (await ctx.reply(CHECKS_PAUSED_TEXTS.paused(result.pausedFor)));
      case 'valid': {
        const { check } = result;
        // A shared code is redeemed for a known client, which only the till can name: no button here.
        const keyboard = check.shared
          ? {}
          : Markup.inlineKeyboard([
              [Markup.button.callback(DESK_TEXTS.redeemButton, `redeem:${check.code}`)],
            ]);
        return void (await ctx.reply(codeCard(check, timezone), { parse_mode: 'HTML', ...keyboard }));
      }
      case 'refused': {
        const pause = result.pausedNow ? `\n\n${CHECKS_PAUSED_TEXTS.pausedNow(result.pauseSeconds)}` : '';
        await ctx.reply(refusalText(code, result.error, timezone) + pause, { parse_mode: 'HTML' });
      }
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

  /**
   * A photo (of the client's screen?) or anything else that is not text. A readable QR code is checked like
   * a typed code; a picture without one, and anything else, gets a hint.
   */
  async notText(ctx: Context, cashier: CashierView): Promise<void> {
    const picture = pictureOf(ctx);
    if (!picture) return void (await ctx.reply(DESK_TEXTS.notText));
    const text = await qrOfPicture(ctx, picture, this.logger);
    if (text === null) return void (await ctx.reply(DESK_TEXTS.noQrInPhoto));
    await this.check(ctx, cashier, text);
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
