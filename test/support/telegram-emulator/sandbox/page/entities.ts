import type { SandboxEntity } from '../sandbox-types';

const TAGS: Record<string, string> = {
  bold: 'b',
  italic: 'i',
  underline: 'u',
  strikethrough: 's',
  code: 'code',
  pre: 'pre',
  spoiler: 'span',
  text_link: 'a',
  url: 'a',
  blockquote: 'blockquote',
};

/**
 * A message text with its entities as DOM nodes (text is never parsed as HTML). Entities may nest: the
 * text is cut at every entity edge and each piece is wrapped in the entities covering it.
 */
export function formattedText(text: string, entities: SandboxEntity[] = []): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const edges = new Set<number>([0, text.length]);
  for (const e of entities) {
    edges.add(e.offset);
    edges.add(e.offset + e.length);
  }
  const cuts = [...edges].filter((n) => n >= 0 && n <= text.length).sort((a, b) => a - b);
  for (let i = 0; i < cuts.length - 1; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    let node: Node = document.createTextNode(text.slice(from, to));
    const covering = entities.filter((e) => e.offset <= from && e.offset + e.length >= to);
    for (const entity of covering.reverse()) node = wrap(node, entity, text.slice(from, to));
    fragment.append(node);
  }
  return fragment;
}

function wrap(inner: Node, entity: SandboxEntity, piece: string): Node {
  const tag = TAGS[entity.type];
  if (!tag) return inner;
  const element = document.createElement(tag);
  if (entity.type === 'spoiler') element.className = 'spoiler';
  if (tag === 'a') {
    const anchor = element as HTMLAnchorElement;
    anchor.href = entity.url ?? piece;
    anchor.target = '_blank';
    anchor.rel = 'noopener noreferrer';
  }
  element.append(inner);
  return element;
}
