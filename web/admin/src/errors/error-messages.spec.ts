import { ApiError } from '../api/api-error';
import { codeMessage, errorMessage, fieldErrors } from './error-messages';

describe('API errors in Russian', () => {
  it('names every code in Russian, and anything else as an internal error', () => {
    expect(errorMessage(new ApiError(403, 'FORBIDDEN_ROLE', 'Forbidden', null))).toBe(
      'У вашей роли нет прав на это действие',
    );
    expect(errorMessage(new Error('boom'))).toBe('Внутренняя ошибка сервера');
    expect(codeMessage('CODE_EXPIRED')).toBe('Срок действия кода истёк');
    expect(codeMessage('SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });

  it('puts VALIDATION_FAILED fields and field-specific codes under their inputs', () => {
    const invalid = new ApiError(400, 'VALIDATION_FAILED', 'Invalid fields: buttons.0.url, text', {
      fields: [
        { field: 'buttons.0.url', errors: ['must be a URL'] },
        { field: 'text', errors: ['too long'] },
      ],
    });
    expect(Object.keys(fieldErrors(invalid) ?? {})).toEqual(['buttons', 'text']);
    const tag = new ApiError(400, 'TAG_INVALID', 'bad tag', null);
    expect(fieldErrors(tag, { TAG_INVALID: 'tags' })).toEqual({
      tags: 'Тег: от 1 до 32 букв, цифр, «_» или «-»',
    });
    expect(fieldErrors(new ApiError(404, 'USER_NOT_FOUND', '', null))).toBeNull();
  });
});
