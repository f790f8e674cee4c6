/**
 * Every background job: its name, its queue and its payload type, in one place. Producers enqueue by name
 * with a typed payload; start-up of a worker fails if a name has no handler or two (JobHandlerRegistry).
 */
export enum QueueName {
  Maintenance = 'maintenance',
  /** Broadcast sending: start (resolve the audience), chunk sends, the minute sweep. */
  Broadcasts = 'broadcasts',
  /** Messages to clients about their codes (gift announcements, redemptions): rate-limited for all workers. */
  Notifications = 'notifications',
}

export enum JobName {
  /** Hourly: marks codes past expires_at as expired (they already read as expired). */
  ExpireDiscounts = 'discounts.expire',
  /** An admin's bulk issue of a template to client ids or a segment; progress and result via GET /jobs/:id. */
  BulkIssueDiscounts = 'discounts.bulk-issue',
  /** A broadcast is due (tick) or sent now: resolve its audience once into deliveries, enqueue chunks. */
  StartBroadcast = 'broadcasts.start',
  /** Send one range of a broadcast's recipients through the shared rate limiter. */
  SendBroadcastChunk = 'broadcasts.send-chunk',
  /** Each minute: rows stuck in `sending` become `unknown`, counters refreshed, finished broadcasts closed. */
  SweepBroadcasts = 'broadcasts.sweep',
  /** Daily at `birthday.send_at` shop time: birthday gifts for the clients born on that shop date. */
  BirthdayGifts = 'discounts.birthday',
  /** One message to a client about a code: a gift announced (`discount_issued`, birthday greeting) or redeemed. */
  NotifyClient = 'discounts.notify-client',
  /** Hourly, and after data already counted changed: a new generation of the daily stats rollup. */
  RefreshStatsRollup = 'stats.refresh-rollup',
  /** The owners' alert digest: every alert recorded since the last one, in one staff bot message. */
  SendOwnerAlertDigest = 'owner-alerts.digest',
  /** Every 5 minutes: broadcasts in `sending` whose deliveries stopped changing become an owner alert. */
  CheckStuckBroadcasts = 'owner-alerts.check-stuck-broadcasts',
  /** Daily at `owner_alerts.summary_at` shop time: yesterday's figures to the owners. */
  SendMorningSummary = 'owner-alerts.morning-summary',
}

export interface JobPayloads {
  [JobName.ExpireDiscounts]: { scheduledFor: string };
  [JobName.BulkIssueDiscounts]: {
    templateId: number;
    /** Exactly one of userIds and segmentId. */
    userIds?: number[];
    segmentId?: number;
    /** The batch's period key for non-recurring templates (also the job id): a retry issues nothing twice. */
    batchKey: string;
    adminId: number | null;
  };
  [JobName.StartBroadcast]: { broadcastId: number };
  /** Recipients with user ids fromUserId..toUserId (inclusive) of the broadcast's deliveries. */
  [JobName.SendBroadcastChunk]: { broadcastId: number; fromUserId: number; toUserId: number };
  [JobName.SweepBroadcasts]: { scheduledFor: string };
  /** `shopDate`: YYYY-MM-DD in shop time, the day whose birthdays are celebrated. */
  [JobName.BirthdayGifts]: { shopDate: string };
  [JobName.NotifyClient]:
    | { notice: 'discount_issued'; discountId: number }
    | { notice: 'discount_redeemed'; discountId: number; userId: number; redemptionId: number };
  /** `cause`: the hourly tick, or what changed (e.g. `user-marked-test`). */
  [JobName.RefreshStatsRollup]: { cause: string; requestedAt: string };
  [JobName.SendOwnerAlertDigest]: { window: string };
  [JobName.CheckStuckBroadcasts]: { scheduledFor: string };
  /** `shopDate`: YYYY-MM-DD in shop time, the day summarized (yesterday when it is sent). */
  [JobName.SendMorningSummary]: { shopDate: string };
}

export const JOB_QUEUE: Readonly<Record<JobName, QueueName>> = {
  [JobName.ExpireDiscounts]: QueueName.Maintenance,
  [JobName.BulkIssueDiscounts]: QueueName.Maintenance,
  [JobName.StartBroadcast]: QueueName.Broadcasts,
  [JobName.SendBroadcastChunk]: QueueName.Broadcasts,
  [JobName.SweepBroadcasts]: QueueName.Broadcasts,
  [JobName.BirthdayGifts]: QueueName.Maintenance,
  [JobName.NotifyClient]: QueueName.Notifications,
  [JobName.RefreshStatsRollup]: QueueName.Maintenance,
  [JobName.SendOwnerAlertDigest]: QueueName.Maintenance,
  [JobName.CheckStuckBroadcasts]: QueueName.Maintenance,
  [JobName.SendMorningSummary]: QueueName.Maintenance,
};

/**
 * Deterministic job ids, so N schedulers (or a retry) enqueue one job: BullMQ ignores a known id. BullMQ
 * refuses ':' in custom ids, so SPEC's `birthday:<date>` is spelled `birthday-<date>`.
 */
export const JobIds = {
  expireDiscounts: (hour: string) => `discounts-expire-${hour}`,
  /** Per broadcast and planned time: a rescheduled broadcast gets a new start job, N ticks one. */
  startBroadcast: (broadcastId: number, scheduledAt: Date) =>
    `broadcast-${broadcastId}-start-${scheduledAt.getTime()}`,
  broadcastChunk: (broadcastId: number, fromUserId: number) => `broadcast-${broadcastId}-chunk-${fromUserId}`,
  /** `minute`: YYYYMMDDHHmm (UTC). */
  sweepBroadcasts: (minute: string) => `broadcasts-sweep-${minute}`,
  /** SPEC's `birthday:<shop-date>`: one birthday run per shop day, however many schedulers tick. */
  birthday: (shopDate: string) => `birthday-${shopDate}`,
  /** One notice per issued code, and one per redemption. */
  discountIssuedNotice: (discountId: number) => `notice-issued-${discountId}`,
  discountRedeemedNotice: (redemptionId: number) => `notice-redeemed-${redemptionId}`,
  /** `hour`: YYYY-MM-DDTHH (UTC): one hourly refresh however many schedulers tick. */
  statsRollupHourly: (hour: string) => `stats-rollup-${hour}`,
  /** One digest per window of `owner_alerts.digest_delay_seconds`, however many alerts fall in it. */
  ownerAlertDigest: (window: string) => `owner-alerts-digest-${window}`,
  /** `slot`: YYYYMMDDHHmm (UTC) of the 5-minute tick. */
  stuckBroadcastsCheck: (slot: string) => `owner-alerts-stuck-${slot}`,
  /** One morning summary per summarized shop date. */
  morningSummary: (shopDate: string) => `owner-alerts-summary-${shopDate}`,
};
