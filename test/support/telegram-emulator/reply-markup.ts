import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import { badRequest } from './api-error';

/**
 * Validates a `reply_markup` parameter as Telegram does and returns the inline keyboard it holds, the
 * only kind Telegram echoes in the Message object (reply keyboards are visible in the call's params).
 */
export function readReplyMarkup(raw: unknown): InlineKeyboardMarkup | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const markup = typeof raw === 'string' ? parseJson(raw) : raw;
  if (typeof markup !== 'object' || markup === null)
    throw badRequest("can't parse reply keyboard markup JSON object");
  if (!('inline_keyboard' in markup)) return undefined;
  const rows = markup.inline_keyboard;
  if (!Array.isArray(rows) || !rows.every(Array.isArray)) {
    throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
  }
  return { inline_keyboard: (rows as unknown[][]).map((row) => row.map(readButton)) };
}

function readButton(raw: unknown): InlineKeyboardButton {
  if (typeof raw !== 'object' || raw === null || !('text' in raw) || typeof raw.text !== 'string') {
    throw badRequest("can't parse inline keyboard button: Text must be non-empty");
  }
  const button = raw as InlineKeyboardButton & { callback_data?: unknown; url?: unknown };
  if ('callback_data' in button) {
    const size = typeof button.callback_data === 'string' ? Buffer.byteLength(button.callback_data) : 0;
    if (size < 1 || size > 64) throw badRequest('BUTTON_DATA_INVALID');
  } else if ('url' in button) {
    if (typeof button.url !== 'string' || !/^(https?|tg):\/\/\S+$/i.test(button.url)) {
      throw badRequest('BUTTON_URL_INVALID');
    }
  } else if (Object.keys(button).length === 1) {
    throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
  }
  return echoed(button);
}

/** Fields of an inline button Telegram echoes back; client-side extras such as telegraf's `hide` are dropped. */
const BUTTON_FIELDS = [
  'text',
  'url',
  'callback_data',
  'web_app',
  'switch_inline_query',
  'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat',
  'copy_text',
  'callback_game',
  'pay',
];

function echoed(button: InlineKeyboardButton): InlineKeyboardButton {
  const source = button as unknown as Record<string, unknown>;
  const kept = BUTTON_FIELDS.filter((field) => source[field] !== undefined).map((field) => [
    field,
    source[field],
  ]);
  // login_url buttons are shown as ordinary url buttons, as Telegram does.
  if ('login_url' in button) kept.push(['url', button.login_url.url]);
  return Object.fromEntries(kept) as InlineKeyboardButton;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest("can't parse reply keyboard markup JSON object");
  }
}

/** Every callback_data of an inline keyboard, to check that a pressed button exists. */
export function callbackDataOf(markup: InlineKeyboardMarkup | undefined): string[] {
  return (markup?.inline_keyboard ?? [])
    .flat()
    .flatMap((b) => ('callback_data' in b ? [b.callback_data] : []));
}

/** A reply keyboard as the user's Telegram app shows it under the input field. */
export interface ShownReplyKeyboard {
  rows: string[][];
  oneTime: boolean;
}

/**
 * What a `reply_markup` does to the reply keyboard the user sees: a new keyboard, `null` when it removes
 * the keyboard, undefined when it leaves it as it is (no markup, an inline keyboard, force_reply).
 */
export function replyKeyboardChange(raw: unknown): ShownReplyKeyboard | null | undefined {
  const markup = typeof raw === 'string' ? safeJson(raw) : raw;
  if (typeof markup !== 'object' || markup === null) return undefined;
  if ('remove_keyboard' in markup && markup.remove_keyboard === true) return null;
  if (!('keyboard' in markup) || !Array.isArray(markup.keyboard)) return undefined;
  const rows = (markup.keyboard as unknown[])
    .filter(Array.isArray)
    .map((row) =>
      (row as unknown[]).map((button) =>
        typeof button === 'string'
          ? button
          : typeof button === 'object' && button !== null && 'text' in button
            ? String(button.text)
            : '',
      ),
    );
  const oneTime = 'one_time_keyboard' in markup && markup.one_time_keyboard === true;
  return { rows, oneTime };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
