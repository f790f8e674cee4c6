import {
  CODE_ALPHABET,
  CODE_LENGTH,
  looksLikeCode,
  normalizeCode,
} from '../../modules/codes/domain/discount-code';

const ISSUED_CODE = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/**
 * The code in what a cashier sent: a typed code in any case, with spaces or dashes (`k7m2 qx9a`), or the text
 * a phone's QR scanner pastes. Our QR pictures hold the bare code; a scanner that adds words or a link
 * (`Код: K7M2QX9A`) still works when exactly one word of the text has the shape of an issued code.
 * Null when the text holds no code (or several).
 */
export function codeInText(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  if (looksLikeCode(trimmed)) return normalizeCode(trimmed);
  const candidates = new Set(
    trimmed
      .split(/[^\p{L}\p{N}]+/u)
      .map(normalizeCode)
      .filter((word) => ISSUED_CODE.test(word)),
  );
  return candidates.size === 1 ? [...candidates][0] : null;
}
