/** One field's refusal in a VALIDATION_FAILED answer: `{ field: 'tags.0', errors: [...] }`. */
export interface FieldError {
  field: string;
  errors: string[];
}

/** The API's error body: `{ error: { code, message, details } }`. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** An API refusal carried through the panel: the HTTP status, the stable ErrorCode and its details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
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

export function isErrorBody(value: unknown): value is ErrorBody {
  const error = (value as { error?: { code?: unknown } } | null)?.error;
  return typeof error?.code === 'string';
}
