import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Context, Markup } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { MENU_BUTTON_TEXTS } from '../../modules/miniapp/events/mini-app-menu-buttons';
import { shopTimeText } from '../../modules/codes/domain/shop-time-text';
import {
  ClientCode,
  GetClientCodeQuery,
  ListClientCodesQuery,
} from '../../modules/codes/queries/client-codes.query';
import { escapeHtml } from '../../modules/message-templates/domain/render-message';
import { GetSettingQuery } from '../../modules/settings/queries/get-setting.query';
import { ClientReplies } from './client-replies';
import { codeQrPng } from './code-qr';

/** «Показать QR» under «Мои скидки»: `qr:<CODE>` (well inside Telegram's 64 bytes of callback data). */
export const SHOW_QR_BUTTON = /^qr:([A-Z0-9]{4,16})$/;
const showQrData = (code: string) => `qr:${code}`;

/** How many codes the list shows (the newest); a description longer than this is cut. */
const LISTED = 10;
const DESCRIPTION_CHARS = 200;

const TEXTS = {
  qrButton: (code: string) => `📱 Показать QR · ${code}`,
  noExpiry: 'бессрочно',
  cardButton: `💳 ${MENU_BUTTON_TEXTS.card}`,
  qrCaption: (code: ClientCode) =>
    `<code>${escapeHtml(code.code)}</code> — скидка <b>${escapeHtml(code.valueText)}</b>\n` +
    'Покажите этот QR-код кассиру: он отсканирует его камерой телефона.',
  gone: 'Этот код больше не действует. Откройте «🎁 Мои скидки» ещё раз.',
};

/**
 * «🎁 Мои скидки» (SPEC 3): the client's codes that work now, newest first, with value, description and
 * expiry in shop time, and a «Показать QR» button per code that sends the code as a QR picture for the
 * cashier to scan, under «💳 Моя карта» (the Mini App) when it has an https address. None: `my_discounts_empty`. Suspended, expired, used and revoked codes are not shown.
 */
@Injectable()
export class MyDiscountsDesk {
  constructor(
    private readonly queries: QueryBus,
    private readonly replies: ClientReplies,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async show(ctx: Context, userId: number): Promise<void> {
    const codes = await this.queries.execute(new ListClientCodesQuery(userId, LISTED));
    if (codes.length === 0) {
      await this.replies.withMenu(ctx, 'my_discounts_empty', {});
      return;
    }
    const timezone = await this.queries.execute(new GetSettingQuery('shop.timezone'));
    const header = await this.replies.render('my_discounts_header', {});
    const entries = codes.map((code) => codeEntry(code, timezone));
    const buttons: InlineKeyboardButton[][] = codes.map((code) => [
      Markup.button.callback(TEXTS.qrButton(code.code), showQrData(code.code)),
    ]);
    // The card shows every code with its QR at once: offered first when the Mini Apps have an https address.
    if (this.config.miniAppUrl) {
      buttons.unshift([Markup.button.webApp(TEXTS.cardButton, `${this.config.miniAppUrl}/card.html`)]);
    }
    await this.replies.text(ctx, [header, ...entries].join('\n\n'), Markup.inlineKeyboard(buttons));
  }

  /** «Показать QR»: the code as a picture, if it is still the client's and still works. */
  async showQr(ctx: Context, userId: number, callbackData: string): Promise<void> {
    const typed = SHOW_QR_BUTTON.exec(callbackData)?.[1] ?? '';
    const code = typed ? await this.queries.execute(new GetClientCodeQuery(userId, typed)) : null;
    if (!code) {
      await this.replies.acknowledge(ctx, TEXTS.gone);
      return;
    }
    await this.replies.acknowledge(ctx);
    const png = await codeQrPng(code.code);
    await ctx.replyWithPhoto(
      { source: png, filename: `${code.code}.png` },
      { caption: TEXTS.qrCaption(code), parse_mode: 'HTML' },
    );
  }
}

/** One code of the list: the code, its worth, what it is for and until when (shop time). */
function codeEntry(code: ClientCode, timezone: string): string {
  const until = code.expiresAt ? `до ${shopTimeText(code.expiresAt, timezone)}` : TEXTS.noExpiry;
  const lines = [`<code>${escapeHtml(code.code)}</code> — скидка <b>${escapeHtml(code.valueText)}</b>`];
  if (code.description) lines.push(escapeHtml(shorten(code.description)));
  lines.push(`Действует ${until}`);
  return lines.join('\n');
}

function shorten(text: string): string {
  return text.length <= DESCRIPTION_CHARS ? text : `${text.slice(0, DESCRIPTION_CHARS - 1).trimEnd()}…`;
}
