import type { Schemas } from '@dvorik/api';
import { useQuery } from '@tanstack/react-query';
import { answer, api } from '../api/client';

/** A background job as GET /jobs/:id shows it. */
export type JobView = Schemas['JobResponse'];

const FINISHED = new Set(['completed', 'failed']);

/** Follows a job until it completes or fails (polled each second while it runs). */
export function useJobProgress(jobId: string | null) {
  return useQuery({
    queryKey: ['job', jobId],
    queryFn: () => answer(api.GET('/api/v1/jobs/{id}', { params: { path: { id: jobId ?? '' } } })),
    enabled: jobId !== null,
    refetchInterval: (query) => (query.state.data && FINISHED.has(query.state.data.state) ? false : 1000),
  });
}

/** 0..100 from the job's progress (a number or `{ percent }`). */
export function jobPercent(job: JobView | undefined): number {
  if (!job) return 0;
  if (job.state === 'completed') return 100;
  const progress = job.progress as number | { percent?: number } | null;
  if (typeof progress === 'number') return progress;
  return progress?.percent ?? 0;
}

export const JOB_STATES: Record<string, string> = {
  waiting: 'в очереди',
  delayed: 'отложена',
  active: 'выполняется',
  completed: 'завершена',
  failed: 'с ошибкой',
};
