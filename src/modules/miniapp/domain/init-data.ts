import { createHmac, timingSafeEqual } from 'node:crypto';

/** The Telegram user a Mini App was opened by, as initData's `user` field tells it. */
export interface MiniAppUser {
  id: number;
  firstName: string;
  lastName: string | null;
  username: string | null;
  languageCode: string | null;
}

/** Verified initData: who opened the Mini App and when Telegram signed it. */
export interface VerifiedInitData {
  user: MiniAppUser;
  /** Seconds since the epoch. */
  authDate: number;
}

/** Why initData was refused: absent, not a well-formed signed query string, signed by someone else, too old. */
export type InitDataProblem = 'missing' | 'malformed' | 'signature' | 'stale';

export type InitDataReading = { ok: true; data: VerifiedInitData } | { ok: false; problem: InitDataProblem };

/** initData is a query string of a few fields; anything much longer is not Telegram's. */
const MAX_LENGTH = 8192;
/** A signature made a little in the future (clocks drift) is accepted, one from further ahead is not. */
const CLOCK_SKEW_SECONDS = 60;

/**
 * Telegram's HMAC of initData's fields (core.telegram.org/bots/webapps, "Validating data received via the
 * Mini App"): every field but `hash`, sorted by key, `key=value` joined by line feeds, signed with
 * HMAC-SHA256 whose key is HMAC-SHA256(key "WebAppData", bot token). Hex.
 */
export function initDataHash(fields: ReadonlyArray<readonly [string, string]>, botToken: string): string {
  const secret = createHmac('sha256', 'WebAppData').update(botToken).digest();
  const dataCheckString = fields
    .filter(([key]) => key !== 'hash')
    .map(([key, value]) => `${key}=${value}`)
    .sort()
    .join('\n');
  return createHmac('sha256', secret).update(dataCheckString).digest('hex');
}

/**
 * Checks initData as the Mini App sends it (`Telegram.WebApp.initData`): each key at most once, a `hash`
 * equal (in constant time) to the one this bot's token gives, an `auth_date` at most `maxAgeSeconds` old
 * at `now`, and a `user` with a numeric id. Returns who it is, or the problem.
 */
export function verifyInitData(
  raw: string | undefined,
  botToken: string,
  now: Date,
  maxAgeSeconds: number,
): InitDataReading {
  if (!raw) return refuse('missing');
  if (raw.length > MAX_LENGTH) return refuse('malformed');
  const fields = [...new URLSearchParams(raw).entries()];
  const keys = new Set(fields.map(([key]) => key));
  if (keys.size !== fields.length) return refuse('malformed');
  const given = fields.find(([key]) => key === 'hash')?.[1] ?? '';
  if (!/^[0-9a-f]{64}$/.test(given)) return refuse('malformed');
  const expected = Buffer.from(initDataHash(fields, botToken), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(given, 'hex'))) return refuse('signature');
  // Signed by this bot from here on: a missing field is Telegram's shape changing, not an attack.
  const authDate = Number(fields.find(([key]) => key === 'auth_date')?.[1]);
  const user = readUser(fields.find(([key]) => key === 'user')?.[1]);
  if (!Number.isInteger(authDate) || authDate <= 0 || !user) return refuse('malformed');
  const age = now.getTime() / 1000 - authDate;
  if (age > maxAgeSeconds || age < -CLOCK_SKEW_SECONDS) return refuse('stale');
  return { ok: true, data: { user, authDate } };
}

function readUser(json: string | undefined): MiniAppUser | null {
  if (json === undefined) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const user = value as Record<string, unknown>;
  if (typeof user.id !== 'number' || !Number.isSafeInteger(user.id) || user.id <= 0) return null;
  const text = (field: unknown): string | null => (typeof field === 'string' && field ? field : null);
  return {
    id: user.id,
    firstName: text(user.first_name) ?? '',
    lastName: text(user.last_name),
    username: text(user.username),
    languageCode: text(user.language_code),
  };
}

function refuse(problem: InitDataProblem): InitDataReading {
  return { ok: false, problem };
}
