import { OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  ResponseObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** Extension `Public()` puts on an operation; completeOpenApiDocument turns it into `security: []`. */
export const PUBLIC_OPERATION = 'x-public';

const ERROR_BODY_REF = '#/components/schemas/ErrorBody';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

const errorAnswer = (description: string): ResponseObject => ({
  description,
  content: { 'application/json': { schema: { $ref: ERROR_BODY_REF } } },
});

/**
 * What every operation answers without saying so in its own decorators, added once here instead of on
 * every route: public routes declare `security: []`; any route can answer 400 VALIDATION_FAILED (the JSON
 * body parser runs before every route) and 500 INTERNAL_ERROR; and every error answer carries the shared
 * error body.
 */
export function completeOpenApiDocument(document: OpenAPIObject): OpenAPIObject {
  nullableReferences(document.components?.schemas ?? {});
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = path[method] as (OperationObject & Record<string, unknown>) | undefined;
      if (operation) completeOperation(operation);
    }
  }
  return document;
}

function completeOperation(operation: OperationObject & Record<string, unknown>): void {
  if (operation[PUBLIC_OPERATION]) {
    operation.security = [];
    delete operation[PUBLIC_OPERATION];
  }
  const responses = operation.responses;
  // Even a route without parameters or a body answers 400 to a body the parser refuses (bad JSON, charset).
  responses['400'] ??= errorAnswer('VALIDATION_FAILED: invalid parameters or body, or an unreadable body');
  responses['500'] ??= errorAnswer('INTERNAL_ERROR: an unexpected failure, logged with the X-Request-Id');
  for (const [status, response] of Object.entries(responses)) {
    if (!response || Number(status) < 400 || '$ref' in response) continue;
    response.content ??= errorAnswer('').content;
  }
}

/**
 * A nullable field of a named type, `{ type: X, nullable: true }` in the decorator, comes out of Nest as
 * `{ type: 'object', nullable: true, allOf: [{ $ref }] }`, which by OpenAPI 3.0.3 still refuses null (the
 * `allOf` applies to it). Rewritten as `oneOf: [{ $ref }, null]`, which says what the server answers.
 */
function nullableReferences(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(nullableReferences);
  if (typeof node !== 'object' || node === null) return;
  const schema = node as Record<string, unknown>;
  const allOf = schema.allOf as unknown[] | undefined;
  if (schema.nullable === true && allOf?.length === 1) {
    schema.oneOf = [allOf[0], { type: 'object', nullable: true, enum: [null] }];
    delete schema.allOf;
    delete schema.type;
    delete schema.nullable;
  }
  for (const [key, value] of Object.entries(schema)) if (key !== 'example') nullableReferences(value);
}
