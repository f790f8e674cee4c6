import type { Schemas } from '@dvorik/api';
import { useQuery } from '@tanstack/react-query';
import { answer, api } from '../api/client';
import type { Period } from './period';

export type Kpi = Schemas['KpiResponse'];
export type DailyPoint = Schemas['DailyPointResponse'];
export type SourceRow = Schemas['SourceRowResponse'];

/** The three stats reads of the dashboard for one period (typed by the generated client). */
export function useStats(period: Period) {
  const query = { from: period.from, to: period.to };
  const kpi = useQuery({
    queryKey: ['stats', 'kpi', query],
    queryFn: () => answer(api.GET('/api/v1/stats/kpi', { params: { query } })),
  });
  const daily = useQuery({
    queryKey: ['stats', 'daily', query],
    queryFn: () => answer(api.GET('/api/v1/stats/daily', { params: { query } })),
  });
  const sources = useQuery({
    queryKey: ['stats', 'sources', query],
    queryFn: () => answer(api.GET('/api/v1/stats/sources', { params: { query } })),
  });
  return { kpi, daily, sources };
}

/** How many cashiers wait for a decision and how many jobs failed: the dashboard's alerts. */
export function useAlerts() {
  const cashiers = useQuery({
    queryKey: ['alerts', 'cashiers'],
    queryFn: () =>
      answer(api.GET('/api/v1/cashiers', { params: { query: { status: 'pending', limit: 1 } } })),
  });
  const jobs = useQuery({
    queryKey: ['alerts', 'jobs'],
    queryFn: () => answer(api.GET('/api/v1/jobs', { params: { query: { status: 'failed', limit: 1 } } })),
  });
  return { pendingCashiers: cashiers.data?.total ?? 0, failedJobs: jobs.data?.total ?? 0 };
}
