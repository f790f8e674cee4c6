import { ERROR_TEXTS_RU } from '../errors/error-texts.ru';
import { ErrorBody } from './error-body';

/** Where the Mini Apps' API and pages are served. */
const MINI_APPS = '/webapp/';

/**
 * An error answer of the Mini Apps' API with the Russian sentence their pages show in `details.text`: the
 * bots' text for the code (error-texts.ru.ts), so a code's text lives once for the bots and the pages. An
 * answer that says it already (a scanner refusal with the moment that matters) keeps its own. Other answers
 * are returned as they are.
 */
export function withMiniAppText(url: string, body: ErrorBody): ErrorBody {
  if (!url.startsWith(MINI_APPS)) return body;
  const details = body.error.details ?? {};
  if (typeof details.text === 'string') return body;
  return { error: { ...body.error, details: { ...details, text: ERROR_TEXTS_RU[body.error.code] } } };
}
