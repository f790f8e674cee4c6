import { answer, api } from '../api/client';
import { startEarly } from '../api/early-reads';
import { lastDays } from './period';

// The dashboard's reads, without React: the entry starts them on a cold load (startDashboardReads).

type PeriodQuery = { from: string; to: string };

/** The dashboard's reads, by query key: the three stats of a period and the two alerts. */
export const statsReads = (query: PeriodQuery) => ({
  kpi: () => answer(api.GET('/api/v1/stats/kpi', { params: { query } })),
  daily: () => answer(api.GET('/api/v1/stats/daily', { params: { query } })),
  sources: () => answer(api.GET('/api/v1/stats/sources', { params: { query } })),
});
export const alertReads = {
  cashiers: () => answer(api.GET('/api/v1/cashiers', { params: { query: { status: 'pending', limit: 1 } } })),
  jobs: () => answer(api.GET('/api/v1/jobs', { params: { query: { status: 'failed', limit: 1 } } })),
};

/** The dashboard's default period: the last 30 shop days. */
export const defaultPeriod = () => lastDays(30);

/**
 * A cold load of the dashboard: its reads for the default period start now, alongside the download of
 * react-admin and the dashboard's code, instead of after them; the queries above take their answers.
 */
export function startDashboardReads(): void {
  const period = defaultPeriod();
  const query = { from: period.from, to: period.to };
  const reads = statsReads(query);
  startEarly(['stats', 'kpi', query], reads.kpi);
  startEarly(['stats', 'daily', query], reads.daily);
  startEarly(['stats', 'sources', query], reads.sources);
  startEarly(['alerts', 'cashiers'], alertReads.cashiers);
  startEarly(['alerts', 'jobs'], alertReads.jobs);
}
