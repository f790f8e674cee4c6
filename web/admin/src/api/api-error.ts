/** One field's refusal in a VALIDATION_FAILED answer: `{ field: 'tags.0', errors: [...] }`. */
export interface FieldError {
  field: string;
  errors: string[];
}

import type { ErrorCode } from '@dvorik/api';

/** An API refusal carried through the panel: the HTTP status, the stable ErrorCode and its details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** One of the API's ErrorCodes, or NETWORK when the server was not reached. */
    readonly code: ErrorCode | 'NETWORK',
    readonly serverMessage: string,
    readonly details: unknown,
  ) {
    super(serverMessage);
    this.name = 'ApiError';
  }

  /** The fields a VALIDATION_FAILED answer names (empty for any other error). */
  get fields(): FieldError[] {
    const details = this.details as { fields?: unknown } | null | undefined;
    return Array.isArray(details?.fields) ? (details.fields as FieldError[]) : [];
  }
}

export { isErrorBody } from '@dvorik/api';
