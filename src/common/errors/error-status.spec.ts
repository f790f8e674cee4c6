import { ErrorCode } from './error-code';
import { ERROR_STATUS } from './error-status';
import { ERROR_TEXTS_RU, errorTextRu } from './error-texts.ru';
import { DomainError } from './domain-error';

describe('error tables', () => {
  const codes = Object.values(ErrorCode);

  it("hold every code of SPEC section 8 (50) and the additions (JOB_NOT_FAILED, SERVICE_UNAVAILABLE, the Mini Apps' seven, the media upload's three)", () => {
    expect(codes).toHaveLength(62);
    for (const code of codes) {
      expect(ERROR_STATUS[code]).toBeGreaterThanOrEqual(400);
      expect(ERROR_TEXTS_RU[code]).toMatch(/[а-яё]/i);
    }
  });

  it('gives a bot the Russian text of a domain error and a general apology otherwise', () => {
    expect(errorTextRu(new DomainError(ErrorCode.CODE_ALREADY_USED, 'used'))).toBe('Этот код уже погашен.');
    expect(errorTextRu(new Error('boom'))).toBe(ERROR_TEXTS_RU[ErrorCode.INTERNAL_ERROR]);
  });
});
