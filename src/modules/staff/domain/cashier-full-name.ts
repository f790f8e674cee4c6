import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';

/** Which rule a typed name broke, so the bot can say exactly what to fix. */
export type FullNameRule = 'length' | 'characters' | 'two_words';

export const FULL_NAME_MIN = 2;
export const FULL_NAME_MAX = 128;

// Letters (with combining marks, e.g. a decomposed «й»), spaces, hyphens, dots and apostrophes (O'Neil, Д'Артаньян).
const ALLOWED = /^[\p{L}\p{M} .'’ʼ-]+$/u;
const HAS_LETTER = /\p{L}/u;

/**
 * A cashier's full name as typed, tidied (trimmed, inner spaces collapsed), when it reads as a person's name:
 * 2..128 characters of letters, spaces, hyphens, dots and apostrophes, with at least two words (surname and
 * name), so owners can tell their cashiers apart. VALIDATION_FAILED naming the broken rule otherwise.
 */
export function checkCashierFullName(typed: string): string {
  const name = typed.trim().replace(/\s+/g, ' ');
  if (name.length < FULL_NAME_MIN || name.length > FULL_NAME_MAX) throw invalid('length');
  if (!ALLOWED.test(name)) throw invalid('characters');
  if (name.split(' ').filter((word) => HAS_LETTER.test(word)).length < 2) throw invalid('two_words');
  return name;
}

/** The rule a name broke, read back from the VALIDATION_FAILED that checkCashierFullName threw. */
export function brokenFullNameRule(error: unknown): FullNameRule | null {
  if (!(error instanceof DomainError) || error.code !== ErrorCode.VALIDATION_FAILED) return null;
  const rule = error.details?.rule;
  return rule === 'length' || rule === 'characters' || rule === 'two_words' ? rule : null;
}

const MESSAGES: Record<FullNameRule, string> = {
  length: `fullName must be ${FULL_NAME_MIN}..${FULL_NAME_MAX} characters`,
  characters: 'fullName may hold only letters, spaces, hyphens, dots and apostrophes',
  two_words: 'fullName needs a surname and a name',
};

function invalid(rule: FullNameRule): DomainError {
  return new DomainError(ErrorCode.VALIDATION_FAILED, MESSAGES[rule], {
    rule,
    fields: [{ field: 'fullName', errors: [MESSAGES[rule]] }],
  });
}
