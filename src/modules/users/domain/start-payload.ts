import { createHash, timingSafeEqual } from 'node:crypto';

/** What a `/start <payload>` deep link says. */
export type StartPayload =
  | { kind: 'none' }
  | { kind: 'source'; source: string }
  | { kind: 'referral'; code: string }
  | { kind: 'test'; secret: string };

/** The source of a client who came without a (usable) payload. */
export const DIRECT_SOURCE = 'direct';
/** The source of a client who came through a friend's `ref_<code>` link. */
export const REFERRAL_SOURCE = 'referral';

const SOURCE = /^[a-z0-9_-]{1,64}$/;

/**
 * Reads a deep-link payload: `ref_<code>` is an invitation, `test_<secret>` a tester, anything matching
 * `[a-z0-9_-]{1,64}` (any case: `Instagram` reads as `instagram`) an ad source; the rest is nothing.
 */
export function parseStartPayload(payload: string | null | undefined): StartPayload {
  const text = (payload ?? '').trim();
  if (!text) return { kind: 'none' };
  const referral = /^ref_([A-Za-z0-9]{4,16})$/i.exec(text);
  if (referral) return { kind: 'referral', code: referral[1].toLowerCase() };
  if (/^test_/i.test(text)) return { kind: 'test', secret: text.slice(5) };
  const source = text.toLowerCase();
  return SOURCE.test(source) ? { kind: 'source', source } : { kind: 'none' };
}

/**
 * The `source` stored for a new client: the payload's ad source, `referral` for an invitation, `direct`
 * otherwise. A test link's secret never becomes a source.
 */
export function sourceOf(payload: StartPayload): string {
  if (payload.kind === 'source') return payload.source;
  if (payload.kind === 'referral') return REFERRAL_SOURCE;
  return DIRECT_SOURCE;
}

/** Whether a test link carries the configured secret (constant time; a null secret means test links are off). */
export function isTestSecret(payload: StartPayload, configured: string | null): boolean {
  if (payload.kind !== 'test' || !configured) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(payload.secret), digest(configured));
}
