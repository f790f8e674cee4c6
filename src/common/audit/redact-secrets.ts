const SECRET_KEY = /pass(word)?|secret|token|api[_-]?key|hash|authorization|cookie/i;

/** A deep copy of `changes` with every secret-looking field replaced, so the audit log never holds one. */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, item]) => [
      key,
      SECRET_KEY.test(key) ? '[redacted]' : redactSecrets(item, depth + 1),
    ]),
  );
}
