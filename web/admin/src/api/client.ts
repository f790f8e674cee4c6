import { createDvorikClient, isErrorBody } from '@dvorik/api';
import { ApiError } from './api-error';
import { readSession } from './session';

/** The typed API client (generated from the OpenAPI document) with the session's token, same origin. */
export const api = createDvorikClient('', () => readSession()?.token);

/**
 * The data of a typed call, or its refusal as an ApiError (the stable ErrorCode, the status and details).
 * `await answer(api.GET('/api/v1/stats/kpi', { params: { query } }))`.
 */
export async function answer<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiError(0, 'NETWORK', 'network error', null);
  }
  const { data, error, response } = result;
  if (!response.ok) {
    if (isErrorBody(error))
      throw new ApiError(response.status, error.error.code, error.error.message, error.error.details);
    throw new ApiError(response.status, 'INTERNAL_ERROR', response.statusText, null);
  }
  return data as T;
}
