import { DomainError } from '../../../common/errors/domain-error';
import { checkPlaceholders, placeholdersOf, renderMessage } from './render-message';

describe('message rendering', () => {
  it('fills placeholders with HTML-escaped values', () => {
    expect(
      renderMessage('Привет, <b>{first_name}</b>! Код: {code}', {
        first_name: 'Аня <3 & "Ко"',
        code: 'AB2C3D4E',
      }),
    ).toBe('Привет, <b>Аня &lt;3 &amp; &quot;Ко&quot;</b>! Код: AB2C3D4E');
  });

  it('lists placeholders once each', () => {
    expect(placeholdersOf('{code} {value} {code}')).toEqual(['code', 'value']);
  });

  it('refuses placeholders a key does not provide', () => {
    expect(() => checkPlaceholders('welcome', 'Привет, {first_name}')).not.toThrow();
    try {
      checkPlaceholders('welcome', 'Привет, {first_name}, ваш код {code} {secret}');
      throw new Error('expected a DomainError');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('PLACEHOLDER_UNKNOWN');
      expect((error as DomainError).details).toMatchObject({ unknown: ['code', 'secret'] });
    }
  });
});
