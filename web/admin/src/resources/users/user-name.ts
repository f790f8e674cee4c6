/** A client's name as the shop says it: «Анна Петрова (@anna)», or «Клиент #12» when nothing is known. */
export function userName(
  user:
    | {
        id?: number | string;
        firstName?: string | null;
        lastName?: string | null;
        username?: string | null;
      }
    | undefined,
): string {
  if (!user) return '';
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ');
  const handle = user.username ? `@${user.username}` : '';
  if (name && handle) return `${name} (${handle})`;
  return name || handle || `Клиент #${user.id ?? ''}`;
}
