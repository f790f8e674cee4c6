import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** An answer as the test got it, whichever client fetched it. */
export interface Answer {
  method: string;
  url: string;
  status: number;
  contentType: string | undefined;
  /** The parsed JSON body (undefined when the body is not JSON). */
  body: unknown;
  /** Whether the answer had a body at all. */
  hasBody: boolean;
}

/** What the check made of one answer: null when the route is not in the document (probe or unknown routes). */
export interface Verdict {
  /** `GET /api/v1/users/{id}` */
  route: string;
  status: number;
  problem: string | null;
}

interface Operation {
  route: string;
  pattern: RegExp;
  params: number;
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
}

const DOCUMENT = join(__dirname, '../../../web/api/openapi.json');
const REF_BASE = 'openapi.json';

/**
 * The contract check: an answer must have a status the document lists for its route, a media type listed
 * for that status, and a JSON body valid against that status's schema (ajv with formats, OpenAPI's
 * `nullable` honoured). Reads the committed document web/api/openapi.json, which `npm run api:check` keeps
 * equal to what the app builds.
 */
export class OpenApiContract {
  private readonly operations: Operation[];
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(documentPath = DOCUMENT) {
    const document = JSON.parse(readFileSync(documentPath, 'utf8')) as {
      paths: Record<string, Record<string, Operation['responses'] | unknown>>;
      components: { schemas: Record<string, object> };
    };
    this.ajv = new Ajv({ strict: false, allErrors: true, discriminator: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: REF_BASE, components: { schemas: closed(document.components.schemas) } });
    this.operations = Object.entries(document.paths)
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, operation]) => ({
          route: `${method.toUpperCase()} ${path}`,
          pattern: new RegExp(
            `^${method.toUpperCase()} ${path.replace(/\{[^}]+\}/g, '[^/]+').replace(/\./g, '\\.')}$`,
          ),
          params: (path.match(/\{/g) ?? []).length,
          responses: (operation as { responses: Operation['responses'] }).responses,
        })),
      )
      // A literal segment wins over a parameter: /discounts/usage before /discounts/{code}.
      .sort((a, b) => a.params - b.params);
  }

  /** Every documented route, `GET /api/v1/users`. */
  routes(): string[] {
    return this.operations.map((operation) => operation.route);
  }

  check(answer: Answer): Verdict | null {
    const path = new URL(answer.url, 'http://127.0.0.1').pathname;
    const key = `${answer.method.toUpperCase()} ${path}`;
    const operation = this.operations.find((candidate) => candidate.pattern.test(key));
    if (!operation) return null;
    const verdict = (problem: string | null): Verdict => ({
      route: operation.route,
      status: answer.status,
      problem,
    });
    const response = operation.responses[String(answer.status)] ?? operation.responses.default;
    if (!response) {
      const listed = Object.keys(operation.responses).join(', ');
      return verdict(`status ${answer.status} is not documented (documented: ${listed})`);
    }
    const content = response.content ?? {};
    const mediaTypes = Object.keys(content);
    if (mediaTypes.length === 0) {
      return verdict(answer.hasBody ? `a body came, the document says none (${answer.contentType})` : null);
    }
    const mediaType = (answer.contentType ?? '').split(';')[0].trim().toLowerCase();
    if (!mediaTypes.includes(mediaType)) {
      return verdict(
        `media type "${mediaType || 'none'}" is not documented (documented: ${mediaTypes.join(', ')})`,
      );
    }
    const schema = content[mediaType].schema;
    if (!schema || !mediaType.endsWith('json')) return verdict(null);
    const validate = this.validator(`${operation.route} ${answer.status} ${mediaType}`, schema);
    if (validate(answer.body)) return verdict(null);
    return verdict(describe(validate.errors ?? []));
  }

  private validator(key: string, schema: object): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      const rebased = JSON.parse(
        JSON.stringify(closed(schema)).replace(/"#\/components\//g, `"${REF_BASE}#/components/`),
      );
      validate = this.ajv.compile(rebased as object);
      this.validators.set(key, validate);
    }
    return validate;
  }
}

/**
 * A copy of `schema` in which every object with listed properties refuses others: an answer field the
 * document does not list is a mismatch too (the panel's types would not know it).
 */
function closed<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map(closed) as T;
  if (typeof schema !== 'object' || schema === null) return schema;
  const copy = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, closed(value)]));
  if ('properties' in copy && !('additionalProperties' in copy)) copy.additionalProperties = false;
  return copy as T;
}

function describe(errors: ErrorObject[]): string {
  return errors
    .slice(0, 5)
    .map(
      (error) =>
        `body${error.instancePath.replace(/\//g, '.') || ''} ${error.message ?? 'is invalid'}${paramsNote(error)}`,
    )
    .join('; ');
}

function paramsNote(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if ('allowedValues' in params) return ` (${JSON.stringify(params.allowedValues)})`;
  if ('additionalProperty' in params) return ` ("${String(params.additionalProperty)}")`;
  return '';
}
