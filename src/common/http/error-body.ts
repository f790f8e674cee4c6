import { ErrorCode } from '../errors/error-code';

/** The one error shape every HTTP answer uses: `{ error: { code, message, details } }`. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: Record<string, unknown> | null };
}

export function errorBody(code: ErrorCode, message: string, details?: Record<string, unknown>): ErrorBody {
  return { error: { code, message, details: details ?? null } };
}
