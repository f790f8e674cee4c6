import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { ValidateIf } from 'class-validator';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';

export interface FieldError {
  field: string;
  errors: string[];
}

/**
 * Input nested deeper than this is refused before it is validated: the pipe and class-transformer walk a
 * value recursively, and a few thousand levels (a 30 KB body) overflow the stack. The deepest real input,
 * a segment filter of 5 nested groups, is about 12 levels.
 */
export const MAX_INPUT_DEPTH = 32;

/**
 * An optional field that is not nullable: left out, it is not validated (the default, or no change); `null`
 * is validated like any other value and fails the field's own rules (`@IsOptional()` would let it through,
 * to a NOT NULL column).
 */
export const IsOptionalNotNull = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** Flattens class-validator's nested errors into `[{ field: 'buttons.0.url', errors: [...] }]`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, errors: Object.values(error.constraints) }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * The top-level field (or array index) under which `value` nests deeper than `limit` levels, `''` when the
 * value itself is the deep one, or null when it is shallow enough. Iterative, so the depth cannot hurt it.
 */
export function tooDeep(value: unknown, limit = MAX_INPUT_DEPTH): string | null {
  const pending: Array<{ node: unknown; depth: number; field: string }> = [
    { node: value, depth: 0, field: '' },
  ];
  while (pending.length > 0) {
    const { node, depth, field } = pending.pop() as (typeof pending)[number];
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= limit) return field;
    for (const [key, child] of Object.entries(node))
      pending.push({ node: child, depth: depth + 1, field: depth === 0 ? key : field });
  }
  return null;
}

/** The one ValidationPipe, refusing input nested deeper than MAX_INPUT_DEPTH before it validates. */
class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.metatype && this.toValidate(metadata)) {
      const field = tooDeep(value);
      if (field !== null) {
        const name = field || metadata.data || metadata.type;
        const error = `must not nest more than ${MAX_INPUT_DEPTH} levels deep`;
        throw new DomainError(ErrorCode.VALIDATION_FAILED, `Invalid fields: ${name}`, {
          fields: [{ field: name, errors: [error] }],
        });
      }
    }
    return super.transform(value, metadata);
  }
}

/** The one ValidationPipe: whitelisting, unknown fields refused, query strings converted, one error shape. */
export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
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
