import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../api/http';
import type { PageEnvelope } from '../providers/data-provider';
import type { Period } from './period';

export interface ByReason {
  subscription: number;
  birthday: number;
  manual: number;
  bulk: number;
  referral: number;
}

export interface Kpi {
  from: string;
  to: string;
  users: {
    total: number;
    new: number;
    subscribed: number;
    subscribedShare: number;
    birthdaysSet: number;
    referrals: number;
  };
  codes: {
    issued: number;
    issuedByReason: ByReason;
    redeemed: number;
    redeemedByReason: ByReason;
    redemptionRate: number;
  };
  broadcasts: {
    sent: number;
    recipients: number;
    delivered: number;
    blocked: number;
    deliveryRate: number;
    blockRate: number;
  };
  activeCashiers: number;
}

export interface DailyPoint {
  date: string;
  newUsers: number;
  codesIssued: number;
  redemptions: number;
  messagesSent: number;
}

export interface SourceRow {
  source: string;
  registrations: number;
  subscriptions: number;
  redemptions: number;
}

/** The three stats reads of the dashboard for one period. */
export function useStats(period: Period) {
  const query = { from: period.from, to: period.to };
  const kpi = useQuery({
    queryKey: ['stats', 'kpi', query],
    queryFn: () => apiRequest<Kpi>('/stats/kpi', { query }),
  });
  const daily = useQuery({
    queryKey: ['stats', 'daily', query],
    queryFn: () => apiRequest<{ days: DailyPoint[] }>('/stats/daily', { query }),
  });
  const sources = useQuery({
    queryKey: ['stats', 'sources', query],
    queryFn: () => apiRequest<{ items: SourceRow[] }>('/stats/sources', { query }),
  });
  return { kpi, daily, sources };
}

/** How many cashiers wait for a decision and how many jobs failed: the dashboard's alerts. */
export function useAlerts() {
  const cashiers = useQuery({
    queryKey: ['alerts', 'cashiers'],
    queryFn: () => apiRequest<PageEnvelope<unknown>>('/cashiers', { query: { status: 'pending', limit: 1 } }),
  });
  const jobs = useQuery({
    queryKey: ['alerts', 'jobs'],
    queryFn: () => apiRequest<PageEnvelope<unknown>>('/jobs', { query: { status: 'failed', limit: 1 } }),
  });
  return { pendingCashiers: cashiers.data?.total ?? 0, failedJobs: jobs.data?.total ?? 0 };
}
