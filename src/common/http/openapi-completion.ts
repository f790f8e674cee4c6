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
 * every route: public routes declare `security: []`; a route that takes parameters or a body can answer
 * 400 VALIDATION_FAILED; any route can answer 500 INTERNAL_ERROR; and every error answer carries the
 * shared error body.
 */
export function completeOpenApiDocument(document: OpenAPIObject): OpenAPIObject {
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
  if ((operation.parameters?.length || operation.requestBody) && !responses['400'])
    responses['400'] = errorAnswer('VALIDATION_FAILED');
  responses['500'] ??= errorAnswer('INTERNAL_ERROR: an unexpected failure, logged with the X-Request-Id');
  for (const [status, response] of Object.entries(responses)) {
    if (!response || Number(status) < 400 || '$ref' in response) continue;
    response.content ??= errorAnswer('').content;
  }
}
