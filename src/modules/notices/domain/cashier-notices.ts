import { escapeHtml } from '../../message-templates/domain/render-message';
import { CashierStatus } from '../../staff/domain/cashier-status';

/** What the staff bot tells owners and cashiers about applications (Telegram HTML). */

const OUTCOME: Record<CashierStatus, string> = {
  pending: '⏳ ждёт решения',
  approved: '✅ одобрена',
  rejected: '❌ отклонена',
  revoked: '🚫 доступ отозван',
};

/** To every owner: a new application, above the «Одобрить» / «Отклонить» buttons. */
export function applicationNotice(
  cashier: { fullName: string; telegramId: number },
  telegramUsername: string | null,
): string {
  const who = telegramUsername
    ? `@${escapeHtml(telegramUsername)}, id ${cashier.telegramId}`
    : `id ${cashier.telegramId}`;
  return (
    '🧾 <b>Новая заявка кассира</b>\n\n' +
    `Имя: <b>${escapeHtml(cashier.fullName)}</b>\n` +
    `Telegram: ${who}\n\n` +
    'Разрешить этому человеку проверять и погашать коды скидок?'
  );
}

/** The owner's message once the application is decided (its buttons are gone). */
export function applicationOutcome(cashier: { fullName: string; status: CashierStatus }): string {
  return `🧾 Заявка кассира <b>${escapeHtml(cashier.fullName)}</b>: ${OUTCOME[cashier.status]}.`;
}

/** To the cashier: what the owner decided. */
export function decisionNotice(status: CashierStatus): string {
  switch (status) {
    case 'approved':
      return (
        '🎉 Ваша заявка одобрена: теперь вы кассир «Мармеладного Дворика». ' +
        'Здесь вы будете проверять и погашать коды скидок покупателей.'
      );
    case 'rejected':
      return 'К сожалению, ваша заявка кассира отклонена. Если это ошибка, обратитесь к владельцу магазина.';
    case 'revoked':
      return 'Ваш доступ кассира отозван владельцем магазина. Если это ошибка, обратитесь к нему.';
    case 'pending':
      return 'Ваша заявка ждёт решения владельца магазина.';
  }
}
