import type { MessageEntity } from 'telegraf/types';
import { badRequest, type BotApiError } from './api-error';

export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

type EntityType =
  | 'bold'
  | 'italic'
  | 'underline'
  | 'strikethrough'
  | 'spoiler'
  | 'code'
  | 'pre'
  | 'text_link'
  | 'blockquote'
  | 'custom_emoji';

/** The tags Telegram's HTML parse mode supports (https://core.telegram.org/bots/api#html-style). */
const TAG_ENTITIES: Record<string, EntityType> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  'tg-spoiler': 'spoiler',
  span: 'spoiler',
  code: 'code',
  pre: 'pre',
  a: 'text_link',
  blockquote: 'blockquote',
  'tg-emoji': 'custom_emoji',
};

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

interface OpenTag {
  name: string;
  offset: number;
  attributes: Map<string, string>;
}

/**
 * Parses text in Telegram's HTML parse mode into the plain text the user sees and its entities, and
 * rejects what Telegram rejects (unknown tags, a bare `<`, unbalanced tags) with its error text.
 */
export function parseHtml(source: string): FormattedText {
  let text = '';
  const entities: MessageEntity[] = [];
  const open: OpenTag[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i];
    if (char === '&') {
      const match = /^&(lt|gt|amp|quot|#\d{1,7}|#x[0-9a-f]{1,6});/i.exec(source.slice(i, i + 12));
      text += match ? decodeEntity(match[1]) : '&';
      i += match ? match[0].length : 1;
      continue;
    }
    if (char !== '<') {
      text += char;
      i += 1;
      continue;
    }
    const end = source.indexOf('>', i);
    if (end === -1) throw parseError(`Unclosed start tag at byte offset ${byteOffset(source, i)}`);
    const inner = source.slice(i + 1, end);
    if (inner.startsWith('/')) {
      const entity = closeTag(open, inner.slice(1).trim().toLowerCase(), text.length, byteOffset(source, i));
      if (entity) entities.push(entity);
    } else {
      open.push(openTag(inner, text.length, byteOffset(source, i)));
    }
    i = end + 1;
  }
  const unclosed = open.pop();
  if (unclosed) throw parseError(`Can't find end tag corresponding to start tag "${unclosed.name}"`);
  return { text, entities: entities.sort((a, b) => a.offset - b.offset || b.length - a.length) };
}

function openTag(inner: string, offset: number, at: number): OpenTag {
  const match = /^([a-zA-Z][a-zA-Z0-9-]*)(\s[\s\S]*)?$/.exec(inner);
  const name = match?.[1].toLowerCase() ?? inner.split(/\s/)[0];
  if (!match || !(name in TAG_ENTITIES))
    throw parseError(`Unsupported start tag "${name}" at byte offset ${at}`);
  const attributes = new Map<string, string>();
  for (const attr of (match[2] ?? '').matchAll(/([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))/g)) {
    attributes.set(attr[1].toLowerCase(), decodeAttribute(attr[2] ?? attr[3] ?? attr[4] ?? ''));
  }
  if (name === 'span' && attributes.get('class') !== 'tg-spoiler') {
    throw parseError(`Unsupported start tag "span" at byte offset ${at}`);
  }
  return { name, offset, attributes };
}

function closeTag(open: OpenTag[], name: string, textLength: number, at: number): MessageEntity | undefined {
  const tag = open.pop();
  if (!tag) throw parseError(`Unexpected end tag at byte offset ${at}`);
  if (tag.name !== name) {
    throw parseError(`Unmatched end tag at byte offset ${at}, expected "</${tag.name}>", found "</${name}>"`);
  }
  const length = textLength - tag.offset;
  if (length === 0) return undefined;
  // <pre><code class="language-x"> is one pre entity with a language, not a code inside a pre.
  const parent = open[open.length - 1];
  if (name === 'code' && parent?.name === 'pre') {
    const language = /^language-(.+)$/.exec(tag.attributes.get('class') ?? '')?.[1];
    if (language) parent.attributes.set('language', language);
    return undefined;
  }
  return entityFor(tag, length);
}

function entityFor(tag: OpenTag, length: number): MessageEntity | undefined {
  const { offset } = tag;
  const type = TAG_ENTITIES[tag.name];
  switch (type) {
    case 'text_link': {
      const url = tag.attributes.get('href');
      return url ? { type, offset, length, url } : undefined;
    }
    case 'pre': {
      const language = tag.attributes.get('language');
      return language ? { type, offset, length, language } : { type, offset, length };
    }
    case 'custom_emoji':
      return { type, offset, length, custom_emoji_id: tag.attributes.get('emoji-id') ?? '' };
    default:
      return { type, offset, length };
  }
}

function decodeEntity(body: string): string {
  if (body.startsWith('#')) {
    const code = body[1].toLowerCase() === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
  }
  return NAMED_ENTITIES[body.toLowerCase()];
}

function decodeAttribute(value: string): string {
  return value.replace(/&(lt|gt|amp|quot|#\d{1,7}|#x[0-9a-f]{1,6});/gi, (_, body: string) =>
    decodeEntity(body),
  );
}

function byteOffset(source: string, index: number): number {
  return Buffer.byteLength(source.slice(0, index));
}

function parseError(reason: string): BotApiError {
  return badRequest(`can't parse entities: ${reason}`);
}
