import { ApiError, isErrorBody } from './api-error';
import { readSession } from './session';

/** The admin API's root, relative to the page's origin (the app, or Vite's proxy in development). */
export const API_ROOT = '/api/v1';

export type QueryValue = string | number | boolean | readonly (string | number)[] | null | undefined;

/** `?a=1&tags=x,y`: arrays comma-separated (the API's list filters), empty values left out. */
export function queryString(query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.append(key, value.join(','));
    } else params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Send without the session's token (log in). */
  anonymous?: boolean;
}

/** Calls the admin API with the session's token; a refusal becomes an ApiError with the API's ErrorCode. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await apiFetch(path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Like apiRequest but hands back the raw response (CSV export). */
export async function apiFetch(path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const session = options.anonymous ? null : readSession();
  if (session) headers.Authorization = `Bearer ${session.token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`${API_ROOT}${path}${queryString(options.query)}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'network error', null);
  }
  if (response.ok) return response;
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's error page): the status alone tells what happened.
  }
  if (isErrorBody(body))
    throw new ApiError(response.status, body.error.code, body.error.message, body.error.details);
  throw new ApiError(response.status, 'INTERNAL_ERROR', response.statusText, null);
}
