import { DomainError } from './domain-error';
import { ErrorCode } from './error-code';

/** VALIDATION_FAILED for one field, shaped like the ValidationPipe's answer (`details.fields`). */
export function invalidField(field: string, error: string): DomainError {
  return new DomainError(ErrorCode.VALIDATION_FAILED, `Invalid fields: ${field}`, {
    fields: [{ field, errors: [error] }],
  });
}
