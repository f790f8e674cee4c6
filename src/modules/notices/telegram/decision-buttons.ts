import { Markup } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { CASHIER_DECISIONS, CashierDecision } from '../../staff/domain/cashier-status';

/** Callback data of the owners' buttons: `cashier:approve:<id>` / `cashier:reject:<id>`. */
export const DECISION_BUTTON_PREFIX = /^cashier:(approve|reject):/;
const DECISION_BUTTON = /^cashier:(approve|reject):([1-9]\d{0,9})$/;

export interface DecisionButton {
  decision: CashierDecision;
  cashierId: number;
}

export function decisionButtonData(decision: CashierDecision, cashierId: number): string {
  return `cashier:${decision}:${cashierId}`;
}

/** «Одобрить» / «Отклонить» under an application sent to an owner. */
export function decisionKeyboard(cashierId: number): InlineKeyboardMarkup {
  return Markup.inlineKeyboard([
    Markup.button.callback('Одобрить', decisionButtonData('approve', cashierId)),
    Markup.button.callback('Отклонить', decisionButtonData('reject', cashierId)),
  ]).reply_markup;
}

/** The decision a pressed button carries, or null for data that is not one of our decision buttons. */
export function parseDecisionButton(data: string): DecisionButton | null {
  const match = DECISION_BUTTON.exec(data);
  if (!match) return null;
  const decision = CASHIER_DECISIONS.find((d) => d === match[1]);
  const cashierId = Number(match[2]);
  return decision && Number.isSafeInteger(cashierId) ? { decision, cashierId } : null;
}
