/** A formatting span of a Telegram message (offsets and lengths in UTF-16 code units, as in JS strings). */
export interface TextEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
  custom_emoji_id?: string;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attribute = (value: string) => escape(value).replace(/"/g, '&quot;');

/** The HTML tags of an entity, or null for kinds Telegram finds again by itself (links, mentions, tags). */
function tagsOf(entity: TextEntity): [string, string] | null {
  switch (entity.type) {
    case 'bold':
      return ['<b>', '</b>'];
    case 'italic':
      return ['<i>', '</i>'];
    case 'underline':
      return ['<u>', '</u>'];
    case 'strikethrough':
      return ['<s>', '</s>'];
    case 'spoiler':
      return ['<tg-spoiler>', '</tg-spoiler>'];
    case 'code':
      return ['<code>', '</code>'];
    case 'pre':
      return entity.language
        ? [`<pre><code class="language-${attribute(entity.language)}">`, '</code></pre>']
        : ['<pre>', '</pre>'];
    case 'text_link':
      return entity.url ? [`<a href="${attribute(entity.url)}">`, '</a>'] : null;
    case 'blockquote':
      return ['<blockquote>', '</blockquote>'];
    case 'expandable_blockquote':
      return ['<blockquote expandable>', '</blockquote>'];
    case 'custom_emoji':
      return entity.custom_emoji_id
        ? [`<tg-emoji emoji-id="${attribute(entity.custom_emoji_id)}">`, '</tg-emoji>']
        : null;
    default:
      return null;
  }
}

/**
 * A message as the admin formatted it in Telegram (text + entities) in Telegram HTML, so a broadcast
 * composed in the staff bot keeps its bold, links and quotes. Text is escaped; an entity that would cross
 * the end of the one around it is cut at that end (Telegram's own entities nest).
 */
export function entitiesToHtml(text: string, entities: readonly TextEntity[] = []): string {
  const spans = entities
    .map((entity) => ({ entity, tags: tagsOf(entity) }))
    .filter(
      (s): s is { entity: TextEntity; tags: [string, string] } => s.tags !== null && s.entity.length > 0,
    )
    .sort((a, b) => a.entity.offset - b.entity.offset || b.entity.length - a.entity.length);
  let html = '';
  const open: Array<{ end: number; close: string }> = [];
  let next = 0;
  for (let position = 0; position <= text.length; position++) {
    while (open.length > 0 && open[open.length - 1].end <= position)
      html += (open.pop() as { close: string }).close;
    while (next < spans.length && spans[next].entity.offset === position) {
      const { entity, tags } = spans[next++];
      const parentEnd = open.length > 0 ? open[open.length - 1].end : text.length;
      open.push({ end: Math.min(entity.offset + entity.length, parentEnd), close: tags[1] });
      html += tags[0];
    }
    if (position < text.length) html += escape(text[position]);
  }
  while (open.length > 0) html += (open.pop() as { close: string }).close;
  return html;
}
