import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is acting and from where, for the duration of one request, bot update or job. */
export interface RequestContextData {
  requestId: string;
  ip: string | null;
}

const storage = new AsyncLocalStorage<RequestContextData>();

export const RequestContext = {
  run<T>(data: RequestContextData, fn: () => T): T {
    return storage.run(data, fn);
  },
  current(): RequestContextData | undefined {
    return storage.getStore();
  },
};
