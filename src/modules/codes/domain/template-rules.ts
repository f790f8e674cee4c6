import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';

/** The fields of a discount template that must agree with each other. */
export interface TemplateTerms {
  purpose: 'subscription' | 'birthday' | 'manual';
  kind: 'percent' | 'fixed';
  value: number;
  usage: 'single' | 'shared';
  maxRedemptions: number | null;
  validDays: number | null;
  recurrence: 'none' | 'yearly' | 'every_n_days';
  recurrenceDays: number | null;
  minPurchase: number | null;
}

/** The largest amount in kopecks a template may name (10 000 000 ₽): an INT column with room to spare. */
export const MAX_KOPECKS = 1_000_000_000;

const whole = (n: number | null, min: number, max: number) =>
  n === null || (Number.isInteger(n) && n >= min && n <= max);

/**
 * Refuses terms that contradict each other, with every bad field named (VALIDATION_FAILED):
 * percent 1..100 or a fixed amount in kopecks; a limit only for a shared code; recurrence days exactly for
 * `every_n_days`; a shared code (one code for many clients) is a manual, non-recurring promotion, since
 * gifts and recurrences are per client.
 */
export function checkTemplateTerms(terms: TemplateTerms): void {
  const fields: Array<{ field: string; errors: string[] }> = [];
  const fail = (field: string, error: string) => fields.push({ field, errors: [error] });
  if (terms.kind === 'percent' && !whole(terms.value, 1, 100)) fail('value', 'a percentage is 1..100');
  if (terms.kind === 'fixed' && !whole(terms.value, 1, MAX_KOPECKS))
    fail('value', `a fixed amount is 1..${MAX_KOPECKS} kopecks`);
  if (terms.usage === 'single' && terms.maxRedemptions !== null)
    fail('maxRedemptions', 'only a shared code has a redemption limit');
  if (!whole(terms.maxRedemptions, 1, 10_000_000)) fail('maxRedemptions', 'a limit is at least 1');
  if (terms.usage === 'shared' && terms.purpose !== 'manual')
    fail('usage', 'a shared code is a manual promotion; gifts are personal');
  if (terms.usage === 'shared' && terms.recurrence !== 'none')
    fail('recurrence', 'a shared code does not recur');
  if (
    terms.recurrence === 'every_n_days' &&
    !(terms.recurrenceDays !== null && whole(terms.recurrenceDays, 1, 3650))
  )
    fail('recurrenceDays', 'every_n_days needs recurrenceDays 1..3650');
  if (terms.recurrence !== 'every_n_days' && terms.recurrenceDays !== null)
    fail('recurrenceDays', 'recurrenceDays is only for recurrence every_n_days');
  if (!whole(terms.validDays, 1, 3650)) fail('validDays', 'validDays is 1..3650 or null (no expiry)');
  if (!whole(terms.minPurchase, 1, MAX_KOPECKS))
    fail('minPurchase', `minPurchase is 1..${MAX_KOPECKS} kopecks or null`);
  if (fields.length > 0) {
    throw new DomainError(
      ErrorCode.VALIDATION_FAILED,
      `Invalid fields: ${fields.map((f) => f.field).join(', ')}`,
      { fields },
    );
  }
}
