import { applyDecorators, Type } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiResponse, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import { ErrorCode } from '../errors/error-code';
import { ERROR_STATUS } from '../errors/error-status';
import { ErrorBodySchema } from './error-body.schema';

/** An example error body for the document (`details` null unless the code carries facts). */
export type ErrorExample = {
  error: { code: ErrorCode; message: string; details: Record<string, unknown> | null };
};

/**
 * The error answers a route can give, by code: one response per HTTP status (from ERROR_STATUS), each the
 * shared error body, its description naming the codes. `@ApiErrors(ErrorCode.USER_NOT_FOUND)`.
 */
export function ApiErrors(...codes: ErrorCode[]): MethodDecorator & ClassDecorator {
  return ApiErrorsWithExamples(codes, {});
}

/** ApiErrors with an example body for some of the codes (shown by Swagger UI, checked by the lint). */
export function ApiErrorsWithExamples(
  codes: ErrorCode[],
  examples: Partial<Record<ErrorCode, ErrorExample>>,
): MethodDecorator & ClassDecorator {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes)
    byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  return applyDecorators(
    ...[...byStatus].map(([status, list]) => {
      const shown = list.filter((code) => examples[code]);
      return ApiResponse({
        status,
        description: list.join(', '),
        content: {
          'application/json': {
            schema: { $ref: getSchemaPath(ErrorBodySchema) },
            ...(shown.length > 0
              ? { examples: Object.fromEntries(shown.map((code) => [code, { value: examples[code] }])) }
              : {}),
          },
        },
      });
    }),
  );
}

const pageClasses = new Map<Type<unknown>, Type<unknown>>();

/** The OpenAPI schema of one page of `item`s, named `<Item>Page`: `{ items, total, page, limit }`. */
export function PageOf(item: Type<unknown>): Type<unknown> {
  const known = pageClasses.get(item);
  if (known) return known;
  @ApiSchema({ name: `${item.name}Page`, description: `One page of ${item.name}` })
  class ItemPage {
    @ApiProperty({ type: [item] }) items: unknown[];
    @ApiProperty({ description: 'How many match the filter, over all pages', minimum: 0, example: 134 })
    total: number;
    @ApiProperty({ description: 'This page, from 1', minimum: 1, example: 1 }) page: number;
    @ApiProperty({ description: 'Items per page asked for', minimum: 1, maximum: 100, example: 20 })
    limit: number;
  }
  Object.defineProperty(ItemPage, 'name', { value: `${item.name}Page` });
  pageClasses.set(item, ItemPage);
  return ItemPage;
}

/** 200 with one page of `item`s: the list envelope every list answers (common/pagination). */
export function ApiListAnswer(item: Type<unknown>, description = 'One page of the list'): MethodDecorator {
  return ApiOkResponse({ description, type: PageOf(item) });
}
