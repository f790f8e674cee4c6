import { ErrorCode } from '../../../common/errors/error-code';

/** The refusals of checking or redeeming a code, on every channel (domain/redemption-rules.ts). */
export const REDEMPTION_REFUSALS = [
  ErrorCode.DISCOUNT_NOT_FOUND,
  ErrorCode.CODE_ALREADY_USED,
  ErrorCode.CODE_LIMIT_REACHED,
  ErrorCode.CODE_EXPIRED,
  ErrorCode.CODE_REVOKED,
  ErrorCode.CODE_NOT_YET_VALID,
  ErrorCode.TEMPLATE_INACTIVE,
  ErrorCode.MIN_PURCHASE_NOT_MET,
] as const;
