import type { ApiFailure, ErrorSpec } from './types';

/** An error answer of the Bot API: thrown by method handlers, rendered as `{ ok: false, ... }`. */
export class BotApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly retryAfter?: number,
  ) {
    super(description);
  }

  toBody(): ApiFailure {
    const body: ApiFailure = { ok: false, error_code: this.errorCode, description: this.description };
    if (this.retryAfter !== undefined) body.parameters = { retry_after: this.retryAfter };
    return body;
  }
}

export const badRequest = (reason: string): BotApiError => new BotApiError(400, `Bad Request: ${reason}`);

export const blockedByUser = (): BotApiError =>
  new BotApiError(403, 'Forbidden: bot was blocked by the user');

export const tooManyRequests = (retryAfter: number): BotApiError =>
  new BotApiError(429, `Too Many Requests: retry after ${retryAfter}`, retryAfter);

export const methodNotFound = (): BotApiError => new BotApiError(404, 'Not Found: method not found');

export const unauthorized = (): BotApiError => new BotApiError(401, 'Unauthorized');

export const conflict = (reason: string): BotApiError => new BotApiError(409, `Conflict: ${reason}`);

const DEFAULT_DESCRIPTIONS: Record<number, string> = {
  400: 'Bad Request: chat not found',
  401: 'Unauthorized',
  403: 'Forbidden: bot was blocked by the user',
  404: 'Not Found',
  409: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
};

/** Turns a scripted error into the answer Telegram would give for that code. */
export function errorFromSpec(spec: ErrorSpec): BotApiError {
  if (spec.errorCode === 429) {
    const retryAfter = spec.retryAfter ?? 1;
    return new BotApiError(
      429,
      spec.description ?? `Too Many Requests: retry after ${retryAfter}`,
      retryAfter,
    );
  }
  const description = spec.description ?? DEFAULT_DESCRIPTIONS[spec.errorCode] ?? `Error ${spec.errorCode}`;
  return new BotApiError(spec.errorCode, description, spec.retryAfter);
}
