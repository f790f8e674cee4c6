import type { QueryValue } from '../api/http';

type ApiRecord = Record<string, unknown>;

/** `{ page, limit, sort }` from react-admin's pagination and sort (`-field` descending). */
export function pageQuery(
  pagination: { page: number; perPage: number } | undefined,
  sort: { field: string; order: string } | undefined,
): Record<string, QueryValue> {
  const query: Record<string, QueryValue> = {};
  if (pagination) {
    query.page = pagination.page;
    query.limit = Math.min(pagination.perPage, 100);
  }
  if (sort?.field && sort.field !== 'id') query.sort = sort.order === 'DESC' ? `-${sort.field}` : sort.field;
  else if (sort?.field === 'id') query.sort = sort.order === 'DESC' ? '-id' : 'id';
  return query;
}

/**
 * Only the fields the form changed: the API refuses unknown fields (forbidNonWhitelisted), and a record's
 * read-only fields (id, createdAt, counts) must not go back.
 */
export function changedFields(data: ApiRecord, previous: ApiRecord | undefined): ApiRecord {
  if (!previous) return data;
  const out: ApiRecord = {};
  for (const [key, value] of Object.entries(data)) {
    if (JSON.stringify(value) !== JSON.stringify(previous[key])) out[key] = value;
  }
  return out;
}
