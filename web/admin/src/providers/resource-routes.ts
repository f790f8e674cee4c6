import type { QueryValue } from '../api/http';

/**
 * How one react-admin resource maps onto the admin API. Both halves of the panel add their resources
 * here (one line each); anything not listed uses `/<resource>` with `id` keys, PATCH for updates.
 */
export interface ResourceRoute {
  /** Path under /api/v1, e.g. '/users'. */
  path: string;
  /** The field that identifies a record in the URL (discount codes by `code`, settings by `key`). */
  idField?: string;
  /** PUT for resources replaced whole (message templates, settings); PATCH otherwise. */
  updateMethod?: 'PATCH' | 'PUT';
  /** Turns react-admin's filter object into the API's query string (default: passed through). */
  filterToQuery?: (filter: Record<string, unknown>) => Record<string, QueryValue>;
}

export const RESOURCE_ROUTES: Record<string, ResourceRoute> = {
  users: { path: '/users' },
  discounts: { path: '/discounts', idField: 'code' },
  'discount-usage': { path: '/discounts/usage' },
  'discount-templates': { path: '/discount-templates' },
  segments: { path: '/segments' },
  broadcasts: { path: '/broadcasts' },
  'message-templates': { path: '/message-templates', idField: 'key', updateMethod: 'PUT' },
  cashiers: { path: '/cashiers' },
  admins: { path: '/admins' },
  'audit-logs': { path: '/audit-logs' },
  jobs: { path: '/jobs' },
};

export function routeOf(resource: string): Required<Omit<ResourceRoute, 'filterToQuery'>> & ResourceRoute {
  const route = RESOURCE_ROUTES[resource] ?? { path: `/${resource}` };
  return { idField: 'id', updateMethod: 'PATCH', ...route };
}
