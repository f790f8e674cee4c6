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

/**
 * A DTO class on a hot route may carry a plain check of its own: `accepts(value)` is true only for input the
 * class-validator rules accept as it is (nothing to strip, nothing to convert). Such input becomes an instance
 * at once; anything else, including every refusal, goes through class-validator, so error answers do not
 * change. The check may refuse more than the rules (e.g. rare Unicode), never less: a spec compares them.
 */
export interface PlainChecked {
  accepts(value: unknown): boolean;
}

const plainCheckOf = (metatype: unknown): PlainChecked['accepts'] | null =>
  typeof (metatype as Partial<PlainChecked>).accepts === 'function'
    ? (metatype as PlainChecked).accepts.bind(metatype)
    : null;

/** The one ValidationPipe, refusing input nested deeper than MAX_INPUT_DEPTH before it validates. */
class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const accepts = metadata.metatype ? plainCheckOf(metadata.metatype) : null;
    if (accepts && metadata.type === 'body' && accepts(value)) {
      return Object.assign(new (metadata.metatype as new () => object)(), value);
    }
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
