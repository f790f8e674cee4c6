import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';

export interface FieldError {
  field: string;
  errors: string[];
}

/** Flattens class-validator's nested errors into `[{ field: 'buttons.0.url', errors: [...] }]`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, errors: Object.values(error.constraints) }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** The one ValidationPipe: whitelisting, unknown fields refused, query strings converted, one error shape. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const fields = flattenValidationErrors(errors);
      const names = fields.map((f) => f.field).join(', ');
      return new DomainError(ErrorCode.VALIDATION_FAILED, `Invalid fields: ${names}`, { fields });
    },
  });
}
