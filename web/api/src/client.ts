import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, operations, paths } from './schema';

/** Every schema of the OpenAPI document by name: `Schemas['UserResponse']`. */
export type Schemas = components['schemas'];

/** The stable machine-readable error codes (SPEC section 8). */
export type ErrorCode = Schemas['ErrorCode'];

/** The one error shape every error answer has: `{ error: { code, message, details } }`. */
export type ErrorBody = Schemas['ErrorBody'];

/** One page of a list, as every list answers it. */
export interface ListPage<T> {
  items: T[];
  /** How many match the filter, over all pages. */
  total: number;
  /** This page, from 1. */
  page: number;
  /** Items per page asked for (1..100). */
  limit: number;
}

/** `page`, `limit` (1..100) and `sort` (`field` or `-field`), taken by every list. */
export interface ListQuery {
  page?: number;
  limit?: number;
  sort?: string;
}

export type DvorikClient = Client<paths>;

/** Where the client gets the admin's JWT before each request (none: the request goes without one). */
export type TokenSource = () => string | null | undefined | Promise<string | null | undefined>;

export interface DvorikClientOptions {
  /** The till's key, sent as X-API-Key (the POS API under /internal/v1). */
  apiKey?: string;
  /** A fetch of the caller's own (tests, server-side rendering); globalThis.fetch by default. */
  fetch?: (input: Request) => Promise<Response>;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
}

/**
 * A typed client of the Dvorik API at `baseUrl` (`https://shop.example` or `''` for the same origin):
 * `client.GET('/api/v1/users/{id}', { params: { path: { id: 5 } } })` answers `{ data, error, response }`,
 * each typed from the OpenAPI document. `getToken` is asked before every request, so a refreshed token is
 * used at once.
 */
export function createDvorikClient(
  baseUrl: string,
  getToken?: TokenSource,
  options: DvorikClientOptions = {},
): DvorikClient {
  const client = createClient<paths>({
    baseUrl: baseUrl.replace(/\/+$/, ''),
    headers: options.headers,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const credentials: Middleware = {
    async onRequest({ request }) {
      const token = getToken ? await getToken() : null;
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      if (options.apiKey) request.headers.set('X-API-Key', options.apiKey);
      return request;
    },
  };
  client.use(credentials);
  return client;
}

/** Whether a value is the shared error body (for answers of an unexpected status, or a caught error). */
export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
  );
}
