/**
 * Every message template the bots send and the placeholders each may use. A saved text that uses a
 * placeholder not listed for its key is refused (PLACEHOLDER_UNKNOWN); the bots fill exactly these.
 */
export const MESSAGE_CATALOG = {
  welcome: ['first_name'],
  help: ['contacts'],
  fallback: [],
  subscribe_prompt: ['channel_url'],
  subscribe_success: ['first_name', 'code', 'value', 'expires_at'],
  subscribe_already: [],
  subscribe_missing: ['channel_url'],
  birthday_ask: [],
  birthday_confirm: ['birth_date'],
  birthday_saved: ['birth_date'],
  birthday_already_set: ['birth_date'],
  birthday_greeting: ['first_name', 'code', 'value', 'expires_at'],
  discount_issued: ['first_name', 'code', 'value', 'description', 'expires_at'],
  discount_redeemed: ['code', 'value'],
  my_discounts_header: [],
  my_discounts_empty: [],
} as const satisfies Record<string, readonly string[]>;

export type MessageKey = keyof typeof MESSAGE_CATALOG;
export type MessageValues<K extends MessageKey> = Record<
  (typeof MESSAGE_CATALOG)[K][number],
  string | number
>;

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(MESSAGE_CATALOG, key);
}
