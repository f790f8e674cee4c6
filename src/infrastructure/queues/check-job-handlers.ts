/** Throws unless every job name has exactly one handler and every handler names a known job. */
export function checkJobHandlers(
  names: readonly string[],
  handlers: ReadonlyArray<{ name: string; owner: string }>,
): void {
  const problems: string[] = [];
  for (const name of names) {
    const owners = handlers.filter((h) => h.name === name).map((h) => h.owner);
    if (owners.length === 0) problems.push(`job "${name}" has no handler`);
    if (owners.length > 1)
      problems.push(`job "${name}" has ${owners.length} handlers (${owners.join(', ')})`);
  }
  for (const handler of handlers) {
    if (!names.includes(handler.name))
      problems.push(`${handler.owner} handles unknown job "${handler.name}"`);
  }
  if (problems.length > 0) throw new Error(`Job registry is inconsistent: ${problems.join('; ')}`);
}
