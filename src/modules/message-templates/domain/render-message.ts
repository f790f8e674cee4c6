import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { MESSAGE_CATALOG, MessageKey } from './message-catalog';

const PLACEHOLDER = /\{([a-z_]+)\}/g;

/** Escapes a value for Telegram's HTML parse mode. */
export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The placeholder names a text uses, in order of first appearance. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]))];
}

/** Refuses a template text that uses a placeholder its key does not provide (PLACEHOLDER_UNKNOWN). */
export function checkPlaceholders(key: MessageKey, text: string): void {
  const allowed: readonly string[] = MESSAGE_CATALOG[key];
  const unknown = placeholdersOf(text).filter((name) => !allowed.includes(name));
  if (unknown.length > 0) {
    throw new DomainError(
      ErrorCode.PLACEHOLDER_UNKNOWN,
      `Unknown placeholders for "${key}": ${unknown.join(', ')}`,
      {
        key,
        unknown,
        allowed,
      },
    );
  }
}

/**
 * Fills a template's placeholders with HTML-escaped values. The template itself is trusted HTML (checked on
 * save); the values are not (a client's name may contain "<"). A missing value renders as an empty string.
 */
export function renderMessage(text: string, values: Partial<Record<string, string | number>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? (name in values ? '' : whole) : escapeHtml(String(value));
  });
}
