import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { telegramHtmlProblems } from '../../message-templates/domain/telegram-html';
import { uploadIdOf } from './media-upload';

export type ContentType = 'text' | 'photo' | 'video';

export interface ButtonInput {
  text: string;
  url: string;
}

/** What a broadcast says and shows; checked as a whole before a draft is saved and before it is sent. */
export interface BroadcastContent {
  contentType: ContentType;
  text: string | null;
  media: string | null;
  buttons: ButtonInput[][] | null;
}

/** Telegram's limits (core.telegram.org/bots/api): visible characters after HTML parsing. */
export const MAX_TEXT_LENGTH = 4096;
export const MAX_CAPTION_LENGTH = 1024;
/** Inline keyboard limits we keep to (Telegram allows 8 per row, 100 in all). */
export const MAX_BUTTON_ROWS = 10;
export const MAX_BUTTONS_PER_ROW = 8;
export const MAX_BUTTON_TEXT = 64;

/** A Telegram file_id: URL-safe base64, in practice 20..200 characters. */
const FILE_ID = /^[A-Za-z0-9_-]{16,255}$/;

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"' };

/** The text a client sees once Telegram parses the HTML: tags dropped, entities decoded (UTF-16 length). */
export function visibleText(html: string): string {
  return html
    .replace(/<\/?[a-z-]+(?:\s+[a-z-]+(?:="[^"]*"|='[^']*')?)*\s*>/gi, '')
    .replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]+);/gi, (whole, entity: string) => {
      if (entity.startsWith('#x') || entity.startsWith('#X')) {
        return String.fromCodePoint(parseInt(entity.slice(2), 16));
      }
      if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
      return ENTITIES[entity.toLowerCase()] ?? whole;
    });
}

/**
 * Whether `media` names a file Telegram can send: a file_id it gave us, an https URL it can download, or a
 * file uploaded to us (`upload:<id>`; that it exists and is of the right kind is checked against storage).
 */
export function isMediaReference(media: string): boolean {
  if (FILE_ID.test(media) || uploadIdOf(media) !== null) return true;
  if (!/^https:\/\//i.test(media) || /\s/.test(media) || media.length > 1024) return false;
  try {
    return new URL(media).hostname.includes('.');
  } catch {
    return false;
  }
}

/**
 * Refuses content Telegram would not take or that says nothing: BROADCAST_EMPTY (no text for a text
 * broadcast, no text and no media for a photo or video), MEDIA_INVALID (media missing or malformed, or
 * given to a text broadcast), VALIDATION_FAILED with the field (HTML problems, lengths, buttons).
 */
export function checkBroadcastContent(content: BroadcastContent): void {
  const text = content.text ?? '';
  const hasText = text.trim().length > 0;
  const media = content.media ?? '';
  if (content.contentType === 'text') {
    if (!hasText) throw new DomainError(ErrorCode.BROADCAST_EMPTY, 'A text broadcast needs a text');
    if (media !== '') throw mediaInvalid('a text broadcast takes no media (set contentType photo or video)');
  } else {
    if (media === '' && !hasText) {
      throw new DomainError(ErrorCode.BROADCAST_EMPTY, `A ${content.contentType} broadcast needs its media`);
    }
    if (media === '') throw mediaInvalid(`a ${content.contentType} broadcast needs media`);
    if (!isMediaReference(media))
      throw mediaInvalid('media must be a Telegram file_id, an https URL or an uploaded file (upload:<id>)');
  }
  const problems: Array<{ field: string; errors: string[] }> = [];
  if (text !== '') {
    const errors = telegramHtmlProblems(text);
    const limit = content.contentType === 'text' ? MAX_TEXT_LENGTH : MAX_CAPTION_LENGTH;
    const length = visibleText(text).length;
    if (length > limit) {
      errors.push(
        `${content.contentType === 'text' ? 'a text' : 'a caption'} is at most ${limit} characters, this one ${length}`,
      );
    }
    if (errors.length > 0) problems.push({ field: 'text', errors });
  }
  problems.push(...buttonProblems(content.buttons));
  if (problems.length > 0) {
    throw new DomainError(
      ErrorCode.VALIDATION_FAILED,
      `Telegram would not accept this broadcast: ${problems[0].field}: ${problems[0].errors[0]}`,
      { fields: problems },
    );
  }
}

function buttonProblems(rows: ButtonInput[][] | null): Array<{ field: string; errors: string[] }> {
  if (rows === null) return [];
  const problems: Array<{ field: string; errors: string[] }> = [];
  if (rows.length > MAX_BUTTON_ROWS) {
    problems.push({ field: 'buttons', errors: [`at most ${MAX_BUTTON_ROWS} rows of buttons`] });
  }
  rows.forEach((row, r) => {
    if (row.length === 0 || row.length > MAX_BUTTONS_PER_ROW) {
      problems.push({ field: `buttons[${r}]`, errors: [`a row holds 1..${MAX_BUTTONS_PER_ROW} buttons`] });
    }
    row.forEach((button, b) => {
      const errors: string[] = [];
      const label = button.text.trim();
      if (label.length === 0 || label.length > MAX_BUTTON_TEXT)
        errors.push(`text must be 1..${MAX_BUTTON_TEXT} characters`);
      if (!isHttpsUrl(button.url)) errors.push('url must be an https link');
      if (errors.length > 0) problems.push({ field: `buttons[${r}][${b}]`, errors });
    });
  });
  return problems;
}

/**
 * Button rows as the API received them (any JSON) turned into rows of `{ text, url }`, or
 * VALIDATION_FAILED naming the bad spot. null and undefined mean no buttons.
 */
export function readButtons(raw: unknown): ButtonInput[][] | null {
  if (raw === null || raw === undefined) return null;
  const bad = (field: string, error: string) =>
    new DomainError(ErrorCode.VALIDATION_FAILED, `Invalid fields: ${field}`, {
      fields: [{ field, errors: [error] }],
    });
  if (!Array.isArray(raw)) throw bad('buttons', 'buttons are rows: an array of arrays of { text, url }');
  return raw.map((row: unknown, r) => {
    if (!Array.isArray(row)) throw bad(`buttons[${r}]`, 'a row is an array of { text, url }');
    return row.map((button: unknown, b) => {
      const { text, url, ...rest } = (button ?? {}) as Record<string, unknown>;
      if (
        typeof button !== 'object' ||
        button === null ||
        typeof text !== 'string' ||
        typeof url !== 'string'
      ) {
        throw bad(`buttons[${r}][${b}]`, 'a button is { text, url } with two strings');
      }
      if (Object.keys(rest).length > 0) {
        throw bad(
          `buttons[${r}][${b}]`,
          `a button takes only text and url, not ${Object.keys(rest).join(', ')}`,
        );
      }
      return { text, url };
    });
  });
}

function isHttpsUrl(value: string): boolean {
  if (!/^https:\/\//i.test(value) || /\s/.test(value) || value.length > 2048) return false;
  try {
    return new URL(value).hostname.length > 0;
  } catch {
    return false;
  }
}

const mediaInvalid = (why: string) => new DomainError(ErrorCode.MEDIA_INVALID, why, { field: 'media' });
