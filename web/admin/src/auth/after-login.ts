/** Where an expired session was (sessionStorage, so a reload of the login page still knows it). */
const RETURN_KEY = 'dvorik.returnTo';

/** A path of the panel worth coming back to: under /admin/, not the login page, no other origin. */
const isPanelPath = (path: unknown): path is string =>
  typeof path === 'string' && /^\/admin\//.test(path) && !/^\/admin\/login\b/.test(path);

/** Remembers the page the admin was on when the session ended (its path and query string). */
export function rememberReturn(path: string): void {
  if (isPanelPath(path)) sessionStorage.setItem(RETURN_KEY, path);
}

/**
 * The page to open after logging in: the one the session ended on (remembered, or handed over by the
 * router's state as react-admin does: `nextPathname`, `nextSearch`), else the dashboard. Forgets it.
 */
export function afterLogin(state: unknown): string {
  const remembered = sessionStorage.getItem(RETURN_KEY);
  sessionStorage.removeItem(RETURN_KEY);
  const next = state as { nextPathname?: unknown; nextSearch?: unknown } | null;
  const fromState =
    next && typeof next.nextPathname === 'string'
      ? `${next.nextPathname}${typeof next.nextSearch === 'string' ? next.nextSearch : ''}`
      : null;
  if (isPanelPath(fromState)) return fromState;
  if (isPanelPath(remembered)) return remembered;
  return '/admin/';
}
