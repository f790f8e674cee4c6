import type { MessageEntity } from 'telegraf/types';
import { badRequest } from './api-error';
import { parseHtml, type FormattedText } from './html-text';

const PARSE_MODES = new Set(['html', 'markdown', 'markdownv2']);

/**
 * The text the user sees for a `text` or `caption` parameter and its `parse_mode` / entities. HTML is
 * parsed as Telegram does; Markdown modes are passed through unparsed (the shop's texts are HTML).
 */
export function formatText(text: string, parseMode: string | undefined, entities: unknown): FormattedText {
  if (parseMode !== undefined && parseMode !== '') {
    if (!PARSE_MODES.has(parseMode.toLowerCase())) throw badRequest('unsupported parse_mode');
    return parseMode.toLowerCase() === 'html' ? parseHtml(text) : { text, entities: [] };
  }
  return { text, entities: Array.isArray(entities) ? (entities as MessageEntity[]) : [] };
}
