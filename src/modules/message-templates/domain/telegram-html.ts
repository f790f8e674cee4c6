/**
 * Checks a text against what Telegram's HTML parse mode accepts (core.telegram.org/bots/api#html-style):
 * only its tags, properly nested and closed, `href` only on <a>, only the four named entities and numeric
 * ones, no stray `<` or `&`. Returns the problems found (empty when Telegram would take the text). Pure.
 */
const TAGS: Readonly<Record<string, readonly string[]>> = {
  b: [],
  strong: [],
  i: [],
  em: [],
  u: [],
  ins: [],
  s: [],
  strike: [],
  del: [],
  'tg-spoiler': [],
  span: ['class'],
  a: ['href'],
  code: ['class'],
  pre: [],
  blockquote: ['expandable'],
  'tg-emoji': ['emoji-id'],
};

const TOKEN =
  /<\/?([a-z-]+)((?:\s+[a-z-]+(?:="[^"]*"|='[^']*')?)*)\s*>|&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]+);|[<&]/gi;
const ATTRIBUTE = /([a-z-]+)(?:="([^"]*)"|='([^']*)')?/gi;
const NAMED_ENTITIES = ['lt', 'gt', 'amp', 'quot'];

export function telegramHtmlProblems(text: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const [whole, tagName, attributes, entity] = match;
    const at = `at ${match.index}`;
    if (entity !== undefined) {
      if (!entity.startsWith('#') && !NAMED_ENTITIES.includes(entity.toLowerCase())) {
        problems.push(`unsupported entity &${entity}; ${at}`);
      }
      continue;
    }
    if (tagName === undefined) {
      problems.push(`a bare "${whole}" ${at}: write &lt; or &amp;`);
      continue;
    }
    const name = tagName.toLowerCase();
    if (!(name in TAGS)) {
      problems.push(`tag <${name}> is not supported by Telegram ${at}`);
      continue;
    }
    if (whole.startsWith('</')) {
      const last = open.pop();
      if (last !== name) problems.push(`</${name}> ${at} closes ${last ? `<${last}>` : 'nothing'}`);
      continue;
    }
    for (const [, attribute, doubleQuoted, singleQuoted] of (attributes ?? '').matchAll(ATTRIBUTE)) {
      const value = doubleQuoted ?? singleQuoted ?? '';
      if (!TAGS[name].includes(attribute.toLowerCase()))
        problems.push(`<${name}> takes no "${attribute}" ${at}`);
      if (name === 'a' && attribute.toLowerCase() === 'href' && !/^(https?:\/\/|tg:\/\/)\S+$/i.test(value)) {
        problems.push(`<a href> must be an http(s) or tg:// link ${at}`);
      }
    }
    open.push(name);
  }
  for (const name of open.reverse()) problems.push(`<${name}> is never closed`);
  return problems;
}
