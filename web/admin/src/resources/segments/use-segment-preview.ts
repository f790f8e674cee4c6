import { useEffect, useState } from 'react';
import { ApiError } from '../../api/api-error';
import { apiRequest } from '../../api/http';
import { errorMessage } from '../../errors/error-messages';
import type { Group } from './filter-tree';

export interface PreviewClient {
  id: number;
  firstName: string | null;
  lastName: string | null;
  username: string | null;
  status: string;
  tags: string[];
  createdAt: string;
}

export interface SegmentPreviewState {
  count: number | null;
  users: PreviewClient[];
  loading: boolean;
  /** SEGMENT_FILTER_INVALID: where (`all[1].value`) and what, in Russian with the API's own words. */
  errorPath: string | null;
  errorText: string | null;
}

/** The filter's live count and newest 20 clients (POST /segments/preview), 300 ms after the last change. */
export function useSegmentPreview(filter: Group, enabled: boolean): SegmentPreviewState {
  const [state, setState] = useState<SegmentPreviewState>({
    count: null,
    users: [],
    loading: enabled,
    errorPath: null,
    errorText: null,
  });
  const key = JSON.stringify(filter);
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      apiRequest<{ count: number; users: PreviewClient[] }>('/segments/preview', {
        method: 'POST',
        body: { filter: JSON.parse(key) as unknown },
      })
        .then(({ count, users }) => {
          if (current) setState({ count, users, loading: false, errorPath: null, errorText: null });
        })
        .catch((error: unknown) => {
          if (!current) return;
          const path =
            error instanceof ApiError && error.code === 'SEGMENT_FILTER_INVALID'
              ? String((error.details as { path?: unknown } | null)?.path ?? '$')
              : null;
          const detail = error instanceof ApiError && path ? `: ${error.serverMessage}` : '';
          setState({
            count: null,
            users: [],
            loading: false,
            errorPath: path,
            errorText: `${errorMessage(error)}${detail}`,
          });
        });
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, enabled]);
  return state;
}
