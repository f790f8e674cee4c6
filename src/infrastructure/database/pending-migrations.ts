/** The timestamp TypeORM migration names end with (`CreateSchema1764000000000`). */
function timestampOf(name: string): number {
  return Number(/(\d+)$/.exec(name)?.[1] ?? 0);
}

/** The migrations the code has and the database has not run yet, oldest first. Pure. */
export function pendingMigrations(known: readonly string[], applied: readonly string[]): string[] {
  const done = new Set(applied);
  return known.filter((name) => !done.has(name)).sort((a, b) => timestampOf(a) - timestampOf(b));
}

/** One line for the log and the readiness answer: what is missing and the command that fixes it. */
export function pendingMigrationsMessage(pending: readonly string[]): string {
  const names = pending.length > 3 ? `${pending.slice(0, 3).join(', ')}, …` : pending.join(', ');
  return (
    `The database is not migrated: ${pending.length} migration(s) not applied (${names}). ` +
    'Run `npm run migration:run` (or `npm run setup` on a new machine).'
  );
}
