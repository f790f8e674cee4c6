import { DomainError } from '../../../common/errors/domain-error';
import {
  BroadcastContent,
  checkBroadcastContent,
  isMediaReference,
  readButtons,
  visibleText,
} from './broadcast-content';

const FILE_ID = 'AgACAgIAAxkBAAIBZ2ZmYWJjZGVmZ2hpamtsbW5vcHFy';

function codeOf(content: Partial<BroadcastContent>): string | null {
  try {
    checkBroadcastContent({ contentType: 'text', text: null, media: null, buttons: null, ...content });
    return null;
  } catch (error) {
    return (error as DomainError).code;
  }
}

describe('broadcast content', () => {
  it('accepts a text, a photo by file_id and a video by https URL, with URL buttons', () => {
    expect(codeOf({ text: '<b>Новинка!</b> Мишки &amp; червячки' })).toBeNull();
    expect(codeOf({ contentType: 'photo', media: FILE_ID, text: 'Подпись' })).toBeNull();
    expect(codeOf({ contentType: 'video', media: 'https://cdn.example.com/v.mp4' })).toBeNull();
    expect(
      codeOf({ text: 'Жмите', buttons: [[{ text: 'Каталог', url: 'https://example.com/c' }]] }),
    ).toBeNull();
  });

  it('says BROADCAST_EMPTY when there is nothing to send', () => {
    expect(codeOf({ text: '   ' })).toBe('BROADCAST_EMPTY');
    expect(codeOf({ contentType: 'photo' })).toBe('BROADCAST_EMPTY');
  });

  it('says MEDIA_INVALID for missing, malformed or misplaced media', () => {
    expect(codeOf({ contentType: 'photo', text: 'Без фото' })).toBe('MEDIA_INVALID');
    expect(codeOf({ contentType: 'photo', media: 'http://example.com/a.jpg' })).toBe('MEDIA_INVALID');
    expect(codeOf({ contentType: 'video', media: 'not a file id' })).toBe('MEDIA_INVALID');
    expect(codeOf({ text: 'Текст', media: FILE_ID })).toBe('MEDIA_INVALID');
    expect(isMediaReference('https://localhost/x')).toBe(false);
  });

  it('counts the visible characters: 4096 for a text, 1024 for a caption', () => {
    const bold = (n: number) => `<b>${'я'.repeat(n)}</b>`;
    expect(codeOf({ text: bold(4096) })).toBeNull();
    expect(codeOf({ text: bold(4097) })).toBe('VALIDATION_FAILED');
    expect(codeOf({ contentType: 'photo', media: FILE_ID, text: bold(1024) })).toBeNull();
    expect(codeOf({ contentType: 'photo', media: FILE_ID, text: 'я'.repeat(1025) })).toBe(
      'VALIDATION_FAILED',
    );
    expect(visibleText('<a href="https://x.ru">a</a> &lt;3 &#128512;')).toBe('a <3 😀');
  });

  it('names the field of HTML and button problems', () => {
    try {
      checkBroadcastContent({
        contentType: 'text',
        text: '<div>нет</div>',
        media: null,
        buttons: [[{ text: '', url: 'http://example.com' }]],
      });
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as DomainError).code).toBe('VALIDATION_FAILED');
      expect((error as DomainError).details?.fields).toEqual([
        { field: 'text', errors: [expect.stringContaining('<div>'), expect.stringContaining('<div>')] },
        { field: 'buttons[0][0]', errors: [expect.stringContaining('1..64'), 'url must be an https link'] },
      ]);
    }
  });

  it('reads button rows from JSON and refuses other shapes', () => {
    expect(readButtons(null)).toBeNull();
    expect(readButtons([[{ text: 'a', url: 'https://a.ru' }]])).toEqual([
      [{ text: 'a', url: 'https://a.ru' }],
    ]);
    expect(() => readButtons([{ text: 'a', url: 'https://a.ru' }])).toThrow('buttons[0]');
    expect(() => readButtons([[{ text: 'a', url: 'https://a.ru', callback_data: 'x' }]])).toThrow(
      'buttons[0][0]',
    );
  });
});
