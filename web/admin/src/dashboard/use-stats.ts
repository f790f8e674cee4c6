import type { Schemas } from '@dvorik/api';
import { useQuery } from '@tanstack/react-query';
import { earlyOr } from '../api/early-reads';
import type { Period } from './period';
import { alertReads, statsReads } from './stats-reads';

export type Kpi = Schemas['KpiResponse'];
export type DailyPoint = Schemas['DailyPointResponse'];
export type SourceRow = Schemas['SourceRowResponse'];

/** The three stats reads of the dashboard for one period (typed by the generated client). */
export function useStats(period: Period) {
  const query = { from: period.from, to: period.to };
  const reads = statsReads(query);
  const kpi = useQuery({
    queryKey: ['stats', 'kpi', query],
    queryFn: () => earlyOr(['stats', 'kpi', query], reads.kpi),
  });
  const daily = useQuery({
    queryKey: ['stats', 'daily', query],
    queryFn: () => earlyOr(['stats', 'daily', query], reads.daily),
  });
  const sources = useQuery({
    queryKey: ['stats', 'sources', query],
    queryFn: () => earlyOr(['stats', 'sources', query], reads.sources),
  });
  return { kpi, daily, sources };
}

/** How many cashiers wait for a decision and how many jobs failed: the dashboard's alerts. */
export function useAlerts() {
  const cashiers = useQuery({
    queryKey: ['alerts', 'cashiers'],
    queryFn: () => earlyOr(['alerts', 'cashiers'], alertReads.cashiers),
  });
  const jobs = useQuery({
    queryKey: ['alerts', 'jobs'],
    queryFn: () => earlyOr(['alerts', 'jobs'], alertReads.jobs),
  });
  return { pendingCashiers: cashiers.data?.total ?? 0, failedJobs: jobs.data?.total ?? 0 };
}
