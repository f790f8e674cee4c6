/**
 * The pages an admin opens most, as module loaders: on a cold load of their path the page's chunks are
 * fetched together with react-admin's (not after it has started), and once the dashboard shows its figures
 * the others are fetched while the browser is idle, so the menu opens them without waiting for a download.
 * The lazy pages use the same loaders.
 */
export const loadPanel = () => import('./Panel');
export const loadDashboard = () => import('./dashboard/Dashboard');
export const loadUserList = () => import('./resources/users/UserList');
export const loadDiscountList = () => import('./resources/discounts/DiscountList');

import { startDashboardReads } from './dashboard/stats-reads';

const PAGES: [path: RegExp, load: () => Promise<unknown>][] = [
  [/^\/admin\/?$/, loadDashboard],
  [/^\/admin\/users\/?$/, loadUserList],
  [/^\/admin\/discounts\/?$/, loadDiscountList],
];

const quietly = (load: () => Promise<unknown>) => {
  // A failed prefetch is retried by the page itself when it is opened (and reported there).
  load().catch(() => undefined);
};

/**
 * Starts loading react-admin and the page of `pathname` at once, side by side; for the dashboard, its API
 * reads too (they need none of that code).
 */
export function preloadPanel(pathname: string): void {
  quietly(loadPanel);
  const page = PAGES.find(([path]) => path.test(pathname));
  if (page) quietly(page[1]);
  if (page?.[1] === loadDashboard) startDashboardReads();
}

/** Once the browser is idle, loads the main pages' chunks (the Datagrid, the inputs) ahead of a click; returns how to cancel. */
export function prefetchMainPages(): () => void {
  const prefetch = () => PAGES.forEach(([, load]) => quietly(load));
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(prefetch, { timeout: 5000 });
    return () => cancelIdleCallback(id);
  }
  const timer = setTimeout(prefetch, 2000);
  return () => clearTimeout(timer);
}
