import { MENU_BUTTONS, menuChoice } from './client-menu';

describe('client menu', () => {
  it('knows its four buttons', () => {
    expect(menuChoice(MENU_BUTTONS.discounts)).toBe('discounts');
    expect(menuChoice(MENU_BUTTONS.subscribe)).toBe('subscribe');
    expect(menuChoice(MENU_BUTTONS.birthday)).toBe('birthday');
    expect(menuChoice(MENU_BUTTONS.help)).toBe('help');
  });

  it('knows the same words typed without the emoji, in any case', () => {
    expect(menuChoice('мои скидки')).toBe('discounts');
    expect(menuChoice('  Помощь! ')).toBe('help');
    expect(menuChoice('ДЕНЬ РОЖДЕНИЯ')).toBe('birthday');
  });

  it('knows the commands, addressed to the bot or not', () => {
    expect(menuChoice('/help')).toBe('help');
    expect(menuChoice('/birthday@dvorik_bot')).toBe('birthday');
    expect(menuChoice('/subscribe')).toBe('subscribe');
    expect(menuChoice('/discounts')).toBe('discounts');
  });

  it('leaves anything else alone', () => {
    for (const text of ['', 'привет', 'помощь нужна', '/foo', '/start', '25.11.1990']) {
      expect(menuChoice(text)).toBeNull();
    }
  });
});
