/**
 * The life of a broadcast: draft -> scheduled -> sending -> sent | failed; scheduled or sending ->
 * cancelled. Only a draft is edited; a draft or a scheduled broadcast can be (re)scheduled or sent now.
 */
export type Status = 'draft' | 'scheduled' | 'sending' | 'sent' | 'cancelled' | 'failed';

export const EDITABLE: readonly Status[] = ['draft'];
export const SCHEDULABLE: readonly Status[] = ['draft', 'scheduled'];
export const CANCELLABLE: readonly Status[] = ['scheduled', 'sending'];

/** How many recipients are in each delivery state. */
export interface DeliveryCounts {
  pending: number;
  sending: number;
  sent: number;
  failed: number;
  blocked: number;
  unknown: number;
}

export const NO_DELIVERIES: Readonly<DeliveryCounts> = {
  pending: 0,
  sending: 0,
  sent: 0,
  failed: 0,
  blocked: 0,
  unknown: 0,
};

export function totalOf(counts: DeliveryCounts): number {
  return counts.pending + counts.sending + counts.sent + counts.failed + counts.blocked + counts.unknown;
}

/** Whether every recipient has an outcome (nothing waiting, nothing in flight). */
export function isSettled(counts: DeliveryCounts): boolean {
  return counts.pending === 0 && counts.sending === 0;
}

/**
 * The status a sending broadcast ends in, from its rows: `sent` when at least one client got it (or the
 * audience was empty), `failed` when recipients existed and none got it.
 */
export function finalStatus(counts: DeliveryCounts): 'sent' | 'failed' {
  return counts.sent > 0 || totalOf(counts) === 0 ? 'sent' : 'failed';
}

/** Share of recipients with an outcome, in percent with one decimal; 100 for a finished empty broadcast. */
export function progressPercent(counts: DeliveryCounts, finished: boolean): number {
  const total = totalOf(counts);
  if (total === 0) return finished ? 100 : 0;
  const done = total - counts.pending - counts.sending;
  return Math.floor((done * 1000) / total) / 10;
}
