import { Injectable } from '@nestjs/common';
import { Context } from 'telegraf';
import { CashierView } from '../../modules/staff/queries/cashier-view';

const NOT_YET = 'Проверка кодов скоро заработает: тогда достаточно будет прислать сюда код покупателя.';

/**
 * Where an approved cashier's messages go: a code typed (any case, spaces allowed), `/check CODE`, or a
 * scanned QR. The discounts feature (SPEC 4: validate, «Погасить», redeem) fills this in; until then the
 * desk says honestly that checking is not available yet.
 */
@Injectable()
export class CashierCodeDesk {
  async greet(ctx: Context, cashier: CashierView): Promise<void> {
    await ctx.reply(`Здравствуйте, ${cashier.fullName}! Вы кассир «Мармеладного Дворика».\n\n${NOT_YET}`);
  }

  /** A cashier sent something that may be a code (`typed` as sent; empty for a bare /check). */
  async check(ctx: Context, _cashier: CashierView, _typed: string): Promise<void> {
    await ctx.reply(NOT_YET);
  }
}
