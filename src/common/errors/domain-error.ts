import { ErrorCode } from './error-code';

/**
 * A business rule said no. Thrown anywhere (domain, handlers, adapters); rendered once by the HTTP filter
 * and by the bots' Russian texts. Plain TypeScript so domain/ folders can throw it.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
