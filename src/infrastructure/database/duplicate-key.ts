/**
 * The unique key a failed INSERT or UPDATE ran into (MariaDB's ER_DUP_ENTRY, its name as the migrations
 * gave it), or null for any other error. One reading of the driver's error for every caller.
 */
export function duplicateKeyOf(error: unknown): string | null {
  const e = error as { code?: string; sqlMessage?: string; message?: string } | null;
  if (e?.code !== 'ER_DUP_ENTRY') return null;
  return /for key '(?:[^'.]*\.)?([^']+)'/.exec(e.sqlMessage ?? e.message ?? '')?.[1] ?? '';
}

/** Whether `error` is a unique key refusing a duplicate (`key`: that key only). */
export function isDuplicateKey(error: unknown, key?: string): boolean {
  const found = duplicateKeyOf(error);
  return found !== null && (key === undefined || found === key);
}
