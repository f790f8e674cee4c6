import { Fragment, type ReactNode } from 'react';

/** Telegram's HTML parse mode tags, as the preview renders them. Anything else shows as its text. */
const TAGS: Record<string, (children: ReactNode, element: Element, key: number) => ReactNode> = {
  b: (c, _e, k) => <b key={k}>{c}</b>,
  strong: (c, _e, k) => <b key={k}>{c}</b>,
  i: (c, _e, k) => <i key={k}>{c}</i>,
  em: (c, _e, k) => <i key={k}>{c}</i>,
  u: (c, _e, k) => <u key={k}>{c}</u>,
  ins: (c, _e, k) => <u key={k}>{c}</u>,
  s: (c, _e, k) => <s key={k}>{c}</s>,
  strike: (c, _e, k) => <s key={k}>{c}</s>,
  del: (c, _e, k) => <s key={k}>{c}</s>,
  code: (c, _e, k) => <code key={k}>{c}</code>,
  pre: (c, _e, k) => <pre key={k}>{c}</pre>,
  blockquote: (c, _e, k) => <blockquote key={k}>{c}</blockquote>,
  'tg-spoiler': (c, _e, k) => (
    <span key={k} style={{ background: '#999', color: '#999' }}>
      {c}
    </span>
  ),
  a: (c, e, k) => {
    const href = e.getAttribute('href') ?? '';
    return /^https?:\/\//i.test(href) ? (
      <a key={k} href={href} target="_blank" rel="noreferrer noopener">
        {c}
      </a>
    ) : (
      <Fragment key={k}>{c}</Fragment>
    );
  },
};

function render(node: ChildNode, key: number): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const element = node as Element;
  const children = Array.from(element.childNodes).map(render);
  const tag = TAGS[element.tagName.toLowerCase()];
  return tag ? tag(children, element, key) : <Fragment key={key}>{children}</Fragment>;
}

/**
 * Telegram HTML as React elements (never innerHTML): the text is parsed by the browser's DOMParser into an
 * inert document, and only the tags Telegram knows become markup.
 */
export function TelegramHtml({ html }: { html: string }) {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return <>{Array.from(doc.body.childNodes).map(render)}</>;
}
