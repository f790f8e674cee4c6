/** The POS bench's codes: a one-letter prefix per phase and 7 places of the code alphabet, seeded in bulk. */
import type { Pool } from 'mysql2/promise';
import { CODE_ALPHABET } from '../../src/modules/codes/domain/discount-code';

const SEED_CHUNK = 5000;

/** The `n`th code of a phase: `prefix` then n in base 31 over the code alphabet, 8 characters in all. */
export function benchCode(prefix: string, n: number): string {
  let out = '';
  for (let i = 0; i < 7; i++) {
    out = CODE_ALPHABET[n % CODE_ALPHABET.length] + out;
    n = Math.floor(n / CODE_ALPHABET.length);
  }
  return prefix + out;
}

/** One client who owns every bench code (a redemption of a personal code notifies its client, as in a shop). */
export async function seedClient(pool: Pool): Promise<number> {
  const [result] = (await pool.query(
    "INSERT INTO users (telegram_id, first_name, source, tags) VALUES (1, 'Bench', 'direct', '[]')",
  )) as [{ insertId: number }, unknown];
  return result.insertId;
}

/** `count` active codes of the seeded manual template (id 3): benchCode(prefix, 0 .. count-1). */
export async function seedCodes(pool: Pool, userId: number, prefix: string, count: number): Promise<void> {
  for (let start = 0; start < count; start += SEED_CHUNK) {
    const size = Math.min(SEED_CHUNK, count - start);
    const codes = Array.from({ length: size }, (_, i) => benchCode(prefix, start + i));
    await pool.query(
      `INSERT INTO discounts (code, template_id, user_id, kind, value, status, reason, valid_from, expires_at)
       VALUES ${codes.map(() => "(?, 3, ?, 'percent', 5, 'active', 'manual', NOW(3) - INTERVAL 1 MINUTE, NOW(3) + INTERVAL 1 DAY)").join(', ')}`,
      codes.flatMap((code) => [code, userId]),
    );
  }
}
