/**
 * Every background job: its name, its queue and its payload type, in one place. Producers enqueue by name
 * with a typed payload; start-up of a worker fails if a name has no handler or two (JobHandlerRegistry).
 */
export enum QueueName {
  Maintenance = 'maintenance',
}

export enum JobName {
  /** Hourly: marks codes past expires_at as expired (they already read as expired). */
  ExpireDiscounts = 'discounts.expire',
}

export interface JobPayloads {
  [JobName.ExpireDiscounts]: { scheduledFor: string };
}

export const JOB_QUEUE: Readonly<Record<JobName, QueueName>> = {
  [JobName.ExpireDiscounts]: QueueName.Maintenance,
};

/**
 * Deterministic job ids, so N schedulers (or a retry) enqueue one job: BullMQ ignores a known id. BullMQ
 * refuses ':' in custom ids, so SPEC's `birthday:<date>` is spelled `birthday-<date>`.
 */
export const JobIds = {
  expireDiscounts: (hour: string) => `discounts-expire-${hour}`,
};
