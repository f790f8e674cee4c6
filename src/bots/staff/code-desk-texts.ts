import { DomainError } from '../../common/errors/domain-error';
import { refusalReason } from '../../modules/codes/domain/cashier-refusal';
import { formatRubles } from '../../modules/codes/domain/discount-value';
import { shopTimeText } from '../../modules/codes/domain/shop-time-text';
import { CodeCheck, CodeFacts, Redemption } from '../../modules/codes/queries/code-answers';
import { escapeHtml } from '../../modules/message-templates/domain/render-message';

/** What the staff bot's code desk says (Russian, Telegram HTML where it builds a card). */
export const DESK_TEXTS = {
  greet: (fullName: string) =>
    `Здравствуйте, ${fullName}! Вы кассир «Мармеладного Дворика».\n\n` +
    'Пришлите код покупателя — текстом (например, K7M2QX9A) или командой /check КОД. QR-код покупателя ' +
    'сфотографируйте и пришлите фото — или откройте сканер кнопкой меню. Я покажу скидку и кнопку «Погасить».',
  usage: 'Пришлите код покупателя: например, /check K7M2QX9A или просто K7M2QX9A.',
  notACode: 'Это не похоже на код скидки. Код — 8 латинских букв и цифр, например K7M2QX9A.',
  noQrInPhoto:
    'Не нашёл QR-код на этом фото 🙈 Сфотографируйте экран покупателя поближе, чтобы QR-код был виден ' +
    'целиком и без бликов, — или пришлите код текстом.',
  notText: 'Пришлите код покупателя текстом или фото его QR-кода.',
  redeemButton: 'Погасить',
  redeemed: 'Погашено ✅',
  shared: 'Это общий код для многих покупателей: погасить его можно только на кассе.',
};

/** A code that may be redeemed now, above «Погасить»: worth, what for, whose, until when (shop time). */
export function codeCard(check: CodeCheck, timezone: string): string {
  return ['✅ <b>Код действителен</b>', '', ...factLines(check, timezone)].join('\n');
}

/** The card once redeemed (the «Погасить» message is edited to this). */
export function redeemedCard(redemption: Redemption, timezone: string): string {
  return [
    `✅ <b>Погашено</b> ${shopTimeText(redemption.usedAt, timezone)}`,
    '',
    ...factLines(redemption, timezone, false),
  ].join('\n');
}

/** Why a code cannot be checked or redeemed, with the moment that matters (used, expired, not yet valid). */
export function refusalText(code: string, error: DomainError, timezone: string): string {
  return `❌ <code>${escapeHtml(code)}</code>\n${escapeHtml(refusalReason(error, timezone))}`;
}

function factLines(facts: CodeFacts, timezone: string, withTerms = true): string[] {
  const lines = [
    `Код: <code>${escapeHtml(facts.code)}</code>`,
    `Скидка: <b>${escapeHtml(facts.valueText)}</b>`,
  ];
  if (withTerms && facts.description) lines.push(`<i>${escapeHtml(facts.description)}</i>`);
  if (facts.client?.firstName) lines.push(`Клиент: ${escapeHtml(facts.client.firstName)}`);
  if (withTerms) {
    lines.push(`Действует до: ${facts.expiresAt ? shopTimeText(facts.expiresAt, timezone) : 'бессрочно'}`);
    if (facts.minPurchase !== null) lines.push(`Минимальная покупка: ${formatRubles(facts.minPurchase)}`);
    if (facts.shared) lines.push(DESK_TEXTS.shared);
  }
  return lines;
}
