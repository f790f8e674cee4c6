import { ErrorCode } from '../errors/error-code';
import { ERROR_TEXTS_RU } from '../errors/error-texts.ru';
import { errorBody } from './error-body';
import { withMiniAppText } from './mini-app-error-text';

describe('the Russian text of a Mini App error answer', () => {
  it('adds the code’s text to a Mini App answer, keeping its details', () => {
    expect(withMiniAppText('/webapp/v1/card', errorBody(ErrorCode.CLIENT_NOT_STARTED, 'no client'))).toEqual(
      errorBody(ErrorCode.CLIENT_NOT_STARTED, 'no client', { text: ERROR_TEXTS_RU.CLIENT_NOT_STARTED }),
    );
    const fields = [{ field: 'code', errors: ['code must be a string'] }];
    expect(
      withMiniAppText('/webapp/v1/scanner/check', errorBody(ErrorCode.VALIDATION_FAILED, 'bad', { fields }))
        .error.details,
    ).toEqual({ fields, text: ERROR_TEXTS_RU.VALIDATION_FAILED });
  });

  it('keeps a text the answer already has', () => {
    const refusal = errorBody(ErrorCode.CODE_ALREADY_USED, 'used', {
      text: 'Этот код уже погашен 06.12.2026 12:30.',
    });
    expect(withMiniAppText('/webapp/v1/scanner/redeem', refusal)).toEqual(refusal);
  });

  it('leaves the admin and POS answers as they are', () => {
    const body = errorBody(ErrorCode.DISCOUNT_NOT_FOUND, 'no code');
    expect(withMiniAppText('/api/v1/discounts/X', body)).toBe(body);
    expect(withMiniAppText('/internal/v1/discounts/validate', body)).toBe(body);
  });
});
