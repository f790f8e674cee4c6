import { BotApiError } from './api-error';
import { parseHtml } from './html-text';

describe('parseHtml', () => {
  it('turns Telegram HTML into the text the user sees and its entities', () => {
    expect(parseHtml('<b>Код</b> <a href="https://t.me/x?a=1&amp;b=2">тут</a> &lt;3 &#128578;')).toEqual({
      text: 'Код тут <3 🙂',
      entities: [
        { type: 'bold', offset: 0, length: 3 },
        { type: 'text_link', offset: 4, length: 3, url: 'https://t.me/x?a=1&b=2' },
      ],
    });
  });

  it('gives a pre with its language for <pre><code class="language-x">', () => {
    expect(parseHtml('<pre><code class="language-ts">x</code></pre>').entities).toEqual([
      { type: 'pre', offset: 0, length: 1, language: 'ts' },
    ]);
  });

  it.each([
    ['Скидка <10%', /Unclosed start tag at byte offset 13/],
    ['<div>x</div>', /Unsupported start tag "div" at byte offset 0/],
    ['<b>x', /Can't find end tag corresponding to start tag "b"/],
    ['<b><i>x</b></i>', /Unmatched end tag at byte offset 7, expected "<\/i>", found "<\/b>"/],
  ])('rejects %j as Telegram does', (html, reason) => {
    expect(() => parseHtml(html)).toThrow(BotApiError);
    expect(() => parseHtml(html)).toThrow(reason);
  });
});
