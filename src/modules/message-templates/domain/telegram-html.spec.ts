import { telegramHtmlProblems } from './telegram-html';

describe('telegramHtmlProblems', () => {
  it('accepts what Telegram accepts', () => {
    expect(
      telegramHtmlProblems(
        '<b>Привет</b>, {first_name}! <i>Код</i>: <code>{code}</code> &lt;3 &amp; <a href="https://t.me/x">канал</a> ' +
          '<tg-spoiler>сюрприз</tg-spoiler> <span class="tg-spoiler">ещё</span> <blockquote expandable>цитата</blockquote> &#128512;',
      ),
    ).toEqual([]);
  });

  it.each([
    ['<div>x</div>', 'tag <div> is not supported'],
    ['<b>x', '<b> is never closed'],
    ['<b><i>x</b></i>', '</b> at 7 closes <i>'],
    ['1 < 2', 'a bare "<"'],
    ['Tom & Jerry', 'a bare "&"'],
    ['&nbsp;', 'unsupported entity &nbsp;'],
    ['<a href="javascript:alert(1)">x</a>', 'must be an http(s) or tg:// link'],
    ['<b onclick="x">y</b>', '<b> takes no "onclick"'],
  ])('refuses %s', (text, problem) => {
    expect(telegramHtmlProblems(text).join('; ')).toContain(problem);
  });
});
