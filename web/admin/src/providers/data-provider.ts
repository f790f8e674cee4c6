import type { ListPage } from '@dvorik/api';
import type { DataProvider, Identifier, RaRecord } from 'react-admin';
import { HttpError } from 'react-admin';
import { ApiError } from '../api/api-error';
import { apiRequest, type QueryValue } from '../api/http';
import { errorMessage, fieldErrors } from '../errors/error-messages';
import { changedFields, pageQuery } from './query-shape';
import { routeOf } from './resource-routes';

/** The API's list envelope `{ items, total, page, limit }` (from the generated client). */
export type PageEnvelope<T> = ListPage<T>;

type ApiRecord = Record<string, unknown>;

/** Every record gets react-admin's `id` from the resource's identifying field (a code, a key). */
function withId(resource: string, record: ApiRecord): RaRecord {
  const { idField } = routeOf(resource);
  return { ...record, id: record[idField] as Identifier };
}

function recordPath(resource: string, id: Identifier): string {
  return `${routeOf(resource).path}/${encodeURIComponent(String(id))}`;
}

function filterQuery(resource: string, filter: Record<string, unknown> = {}): Record<string, QueryValue> {
  const route = routeOf(resource);
  if (route.filterToQuery) return route.filterToQuery(filter);
  const query: Record<string, QueryValue> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (key === 'q' && typeof value === 'string') query.q = value.trim();
    else query[key] = value as QueryValue;
  }
  return query;
}

/**
 * An ApiError as react-admin's HttpError: the Russian message for notifications, and the named fields in
 * `body.errors` so forms show each message under its input.
 */
export function toHttpError(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const errors = fieldErrors(error, {
    TAG_INVALID: 'tags',
    TAG_TOO_MANY: 'tags',
    BIRTH_DATE_INVALID: 'birthDate',
  });
  return new HttpError(errorMessage(error), error.status, {
    code: error.code,
    details: error.details,
    ...(errors ? { errors } : {}),
  });
}

async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toHttpError(error);
  }
}

/** react-admin's data provider over the admin API's envelope `{ items, total, page, limit }`. */
export const dataProvider: DataProvider = {
  getList: (resource, params) =>
    call(async () => {
      const query = { ...filterQuery(resource, params.filter), ...pageQuery(params.pagination, params.sort) };
      const body = await apiRequest<PageEnvelope<ApiRecord> | ApiRecord[]>(routeOf(resource).path, { query });
      const items = Array.isArray(body) ? body : body.items;
      const total = Array.isArray(body) ? body.length : body.total;
      return { data: items.map((item) => withId(resource, item)) as never[], total };
    }),

  getOne: (resource, params) =>
    call(async () => ({
      data: withId(resource, await apiRequest<ApiRecord>(recordPath(resource, params.id))) as never,
    })),

  // The API has no fetch-by-ids; the panel's references are few per page, so one call each.
  getMany: (resource, params) =>
    call(async () => ({
      data: (await Promise.all(
        params.ids.map(async (id) => withId(resource, await apiRequest<ApiRecord>(recordPath(resource, id)))),
      )) as never[],
    })),

  getManyReference: (resource, params) =>
    call(async () => {
      const query = {
        ...filterQuery(resource, params.filter),
        [params.target]: params.id as QueryValue,
        ...pageQuery(params.pagination, params.sort),
      };
      const body = await apiRequest<PageEnvelope<ApiRecord> | ApiRecord[]>(routeOf(resource).path, { query });
      const items = Array.isArray(body) ? body : body.items;
      const total = Array.isArray(body) ? body.length : body.total;
      return { data: items.map((item) => withId(resource, item)) as never[], total };
    }),

  create: (resource, params) =>
    call(async () => {
      const body = await apiRequest<ApiRecord>(routeOf(resource).path, { method: 'POST', body: params.data });
      return { data: withId(resource, body) as never };
    }),

  update: (resource, params) =>
    call(async () => {
      const route = routeOf(resource);
      const changes = changedFields(params.data as ApiRecord, params.previousData as ApiRecord | undefined);
      const body = await apiRequest<ApiRecord | undefined>(recordPath(resource, params.id), {
        method: route.updateMethod,
        body: changes,
      });
      return { data: withId(resource, body ?? { ...params.previousData, ...changes }) as never };
    }),

  updateMany: (resource, params) =>
    call(async () => {
      await Promise.all(
        params.ids.map((id) =>
          apiRequest(recordPath(resource, id), { method: routeOf(resource).updateMethod, body: params.data }),
        ),
      );
      return { data: params.ids };
    }),

  delete: (resource, params) =>
    call(async () => {
      await apiRequest(recordPath(resource, params.id), { method: 'DELETE' });
      return { data: params.previousData as never };
    }),

  deleteMany: (resource, params) =>
    call(async () => {
      await Promise.all(params.ids.map((id) => apiRequest(recordPath(resource, id), { method: 'DELETE' })));
      return { data: params.ids };
    }),
};
