import { entitiesToHtml } from './entities-html';
import { telegramHtmlProblems } from '../../message-templates/domain/telegram-html';

describe('entitiesToHtml', () => {
  it('turns Telegram formatting into HTML and escapes the text', () => {
    const text = 'Скидка 10% <только> сегодня & завтра: сайт';
    const html = entitiesToHtml(text, [
      { type: 'bold', offset: 0, length: 10 },
      { type: 'italic', offset: 7, length: 3 },
      { type: 'text_link', offset: text.indexOf('сайт'), length: 4, url: 'https://example.com/?a=1&b="2"' },
      { type: 'url', offset: 0, length: 3 },
    ]);
    expect(html).toBe(
      '<b>Скидка <i>10%</i></b> &lt;только&gt; сегодня &amp; завтра: ' +
        '<a href="https://example.com/?a=1&amp;b=&quot;2&quot;">сайт</a>',
    );
    expect(telegramHtmlProblems(html)).toEqual([]);
  });

  it('counts offsets in UTF-16 units (emoji) and keeps nesting valid', () => {
    const text = '🍬 мишки';
    expect(entitiesToHtml(text, [{ type: 'bold', offset: 3, length: 5 }])).toBe('🍬 <b>мишки</b>');
    const crossing = entitiesToHtml('abcdef', [
      { type: 'bold', offset: 0, length: 3 },
      { type: 'italic', offset: 2, length: 4 },
    ]);
    expect(crossing).toBe('<b>ab<i>c</i></b>def');
    expect(telegramHtmlProblems(crossing)).toEqual([]);
  });

  it('writes code blocks with their language', () => {
    expect(entitiesToHtml('x = 1', [{ type: 'pre', offset: 0, length: 5, language: 'python' }])).toBe(
      '<pre><code class="language-python">x = 1</code></pre>',
    );
  });
});
