/**
 * Reads started before the page that shows them has loaded (a cold load of the dashboard starts its API
 * calls while react-admin's code is still arriving), handed to that page's first query of the same key.
 * An answer not taken within a few seconds is dropped: the page reads afresh.
 */
const started = new Map<string, { at: number; answer: Promise<unknown> }>();
const FRESH_MS = 10_000;

const keyOf = (key: readonly unknown[]) => JSON.stringify(key);

/** Starts `read` now for the query `key`. */
export function startEarly(key: readonly unknown[], read: () => Promise<unknown>): void {
  const answer = read();
  // Taken (and its refusal shown) by the page, or dropped; never an unhandled rejection.
  answer.catch(() => undefined);
  started.set(keyOf(key), { at: Date.now(), answer });
}

/** The answer started early for `key`, once, if still fresh; else `read()`. */
export function earlyOr<T>(key: readonly unknown[], read: () => Promise<T>): Promise<T> {
  const early = started.get(keyOf(key));
  started.delete(keyOf(key));
  return early && Date.now() - early.at < FRESH_MS ? (early.answer as Promise<T>) : read();
}
