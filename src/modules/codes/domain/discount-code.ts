import { randomInt } from 'node:crypto';

/**
 * The characters of a code: digits and Latin capitals without the look-alikes 0/O, 1/I/L, so a code read
 * aloud or typed from a receipt comes out right. 31 characters, 8 places: 31^8 ≈ 8.5 * 10^11 codes.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;

/** A uniform index in [0, n): crypto.randomInt, a CSPRNG without modulo bias. Injectable for tests. */
export type RandomIndex = (n: number) => number;

/** A fresh code of CODE_LENGTH characters from CODE_ALPHABET, each drawn from the CSPRNG. */
export function generateCode(random: RandomIndex = randomInt): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[random(CODE_ALPHABET.length)];
  return code;
}

/**
 * Cyrillic capitals that look exactly like Latin ones: a cashier on a Russian keyboard layout types «К7М2»
 * and means "K7M2". Only true look-alikes; anything else stays as typed (and is simply not found).
 */
const CYRILLIC_LOOK_ALIKES: Readonly<Record<string, string>> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
};

/**
 * A typed or scanned code in the stored spelling: upper case, without spaces, dashes or underscores, with
 * Cyrillic look-alikes read as Latin. `k7m2 qx9a`, `K7M2-QX9A` and `К7М2QX9А` (Cyrillic) are one code.
 */
export function normalizeCode(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s\u00A0\u200B-\u200D\uFEFF_\-\u2010-\u2015\u2212]+/g, '')
    .replace(/[АВЕКМНОРСТУХ]/g, (letter) => CYRILLIC_LOOK_ALIKES[letter] ?? letter);
}

/** Whether a message could be a code (4..16 letters and digits once normalised): for bots reading free text. */
export function looksLikeCode(typed: string): boolean {
  return /^[A-Z0-9]{4,16}$/.test(normalizeCode(typed));
}
