import { TEXTS } from './texts';

/** A refusal of the server: its stable code, and what to tell the person in Russian. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly text: string,
    readonly details: Record<string, unknown>,
  ) {
    super(text);
  }
}

/**
 * Calls the Mini Apps' API (/webapp/v1) with the page's initData (`Authorization: tma <initData>`). Answers
 * the JSON body, or throws ApiError with the server's Russian sentence (`details.text`: every error answer of
 * /webapp/v1 has one) or a general apology when there is none (no JSON, a proxy's page).
 */
export async function api<T>(initData: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/webapp/v1/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        Authorization: `tma ${initData}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError('NETWORK', TEXTS.network, {});
  }
  const json = (await response.json().catch(() => null)) as
    (T & { error?: undefined }) | { error?: { code: string; details?: Record<string, unknown> } } | null;
  if (response.ok && json) return json as T;
  const error = json?.error;
  const details = error?.details ?? {};
  const code = error?.code ?? 'INTERNAL_ERROR';
  const text = typeof details.text === 'string' ? details.text : TEXTS.failed;
  throw new ApiError(code, text, details);
}
