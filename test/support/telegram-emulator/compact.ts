/** Drops undefined fields, so answers and deep equality in tests look like Telegram's JSON. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
