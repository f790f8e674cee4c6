import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { errorTextRu } from '../../../common/errors/error-texts.ru';
import { shopTimeText } from './shop-time-text';

/**
 * What a cashier is told, in Russian, when checks are paused after too many wrong codes: the staff bot's
 * code desk and the Mini App scanner say the same.
 */
export const CHECKS_PAUSED_TEXTS = {
  /** A check while the pause lasts. */
  paused: (seconds: number) =>
    `⏸ Проверка кодов приостановлена ещё на ${seconds} сек.: слишком много неверных кодов за минуту. ` +
    'Владелец магазина предупреждён.',
  /** Under the refusal whose failed check started the pause. */
  pausedNow: (seconds: number) =>
    `⏸ Слишком много неверных кодов за минуту: проверка приостановлена на ${seconds} сек. ` +
    'Владелец магазина предупреждён.',
};

const SUSPENDED =
  'Код приостановлен: покупатель отписался от канала магазина. Он снова заработает, когда покупатель ' +
  'подпишется.';

/**
 * Why a code cannot be checked or redeemed, short enough for a button's popup (at most 200 characters),
 * with the moment that matters in shop time (used, expired, not yet valid).
 */
export function refusalReason(error: DomainError, timezone: string): string {
  const at = (field: string): string | null => {
    const value = error.details?.[field];
    return typeof value === 'string' ? shopTimeText(new Date(value), timezone) : null;
  };
  switch (error.code) {
    case ErrorCode.CODE_ALREADY_USED: {
      const usedAt = at('usedAt');
      return usedAt ? `Этот код уже погашен ${usedAt}.` : errorTextRu(error);
    }
    case ErrorCode.CODE_EXPIRED: {
      const expiresAt = at('expiresAt');
      return expiresAt ? `Срок действия кода истёк ${expiresAt}.` : errorTextRu(error);
    }
    case ErrorCode.CODE_NOT_YET_VALID: {
      const validFrom = at('validFrom');
      return validFrom ? `Этот код начнёт действовать ${validFrom}.` : errorTextRu(error);
    }
    case ErrorCode.CODE_REVOKED:
      return error.details?.suspended ? SUSPENDED : errorTextRu(error);
    default:
      return errorTextRu(error);
  }
}
