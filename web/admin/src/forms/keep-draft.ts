/**
 * Drafts of the forms being edited when the session ends: written to sessionStorage at that moment (the
 * 401 that logs the admin out), given back to the same form once the admin has logged in again, and
 * removed as soon as the form holds them again, so a saved or abandoned form leaves nothing behind.
 * Only what the admin typed: never a token, a password or anything named like a secret.
 */
const PREFIX = 'dvorik.draft:';
const SECRET = /password|token|secret/i;

export type FormValues = Record<string, unknown>;

/** The forms on screen now: their draft key and how to read their values. */
const liveForms = new Map<string, () => FormValues>();

/** The key of a form's draft: the form's name and the record it edits (`new` for a new one). */
export const draftKey = (form: string, recordId?: unknown) =>
  `${PREFIX}${form}:${recordId === undefined || recordId === null ? 'new' : String(recordId)}`;

/** What of `values` may be kept: no secrets, no files (the admin chooses a file again). */
export function keepable(values: FormValues): FormValues {
  return Object.fromEntries(
    Object.entries(values).filter(
      ([name, value]) => !SECRET.test(name) && !(typeof Blob !== 'undefined' && value instanceof Blob),
    ),
  );
}

/** Registers a form on screen; returns how to unregister it. */
export function trackForm(key: string, read: () => FormValues): () => void {
  liveForms.set(key, read);
  return () => {
    if (liveForms.get(key) === read) liveForms.delete(key);
  };
}

/** Writes a draft of every form on screen (the session has just ended). */
export function keepDrafts(): void {
  for (const [key, read] of liveForms) {
    try {
      sessionStorage.setItem(key, JSON.stringify(keepable(read())));
    } catch {
      // Storage full or refused: the form is lost as it would have been without drafts.
    }
  }
}

/** The draft kept for `key`, if any (it stays until dropDraft). */
export function readDraft(key: string): FormValues | null {
  const raw = sessionStorage.getItem(key);
  if (!raw) return null;
  try {
    const values: unknown = JSON.parse(raw);
    return values && typeof values === 'object' && !Array.isArray(values) ? (values as FormValues) : null;
  } catch {
    return null;
  }
}

export function dropDraft(key: string): void {
  sessionStorage.removeItem(key);
}

/** Forgets every draft (the admin logged out on purpose). */
export function dropAllDrafts(): void {
  for (let i = sessionStorage.length - 1; i >= 0; i--) {
    const key = sessionStorage.key(i);
    if (key?.startsWith(PREFIX)) sessionStorage.removeItem(key);
  }
}
