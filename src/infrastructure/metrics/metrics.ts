import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

const REDUNDANT_DEFAULT_GAUGES = [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
];

/**
 * The app's Prometheus metrics, on a registry of its own (so two apps in one test process do not clash).
 * Feature modules add their business metrics here and increment them from event handlers.
 */
export class Metrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'dvorik_http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly queueJobs = new Gauge({
    name: 'dvorik_queue_jobs',
    help: 'Jobs in each queue by state (read at scrape time)',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
  });

  readonly botUpdates = new Counter({
    name: 'dvorik_bot_updates_total',
    help: 'Telegram updates handled, by bot and update type',
    labelNames: ['bot', 'type'] as const,
    registers: [this.registry],
  });

  /**
   * Bot failures by kind: `handler_failed` (an update handler threw: a bug, recorded in
   * telegram_failed_updates), `refused` (a business refusal told to the person), `outage` (MariaDB, Redis or
   * Telegram away: the update comes again), `webhook_setup_failed` (setWebhook or getMe failed, retried),
   * `polling_failed`.
   */
  readonly botErrors = new Counter({
    name: 'dvorik_bot_errors_total',
    help: 'Telegram bot failures, by bot and kind (handler_failed, refused, outage, webhook_setup_failed, polling_failed)',
    labelNames: ['bot', 'kind'] as const,
    registers: [this.registry],
  });

  /** Failed job attempts; `final="true"`: the last attempt, the job stays failed until an owner retries it. */
  readonly jobFailures = new Counter({
    name: 'dvorik_job_failures_total',
    help: 'Failed job attempts by queue and job name; final="true" when it was the last attempt',
    labelNames: ['queue', 'job', 'final'] as const,
    registers: [this.registry],
  });

  /** POS requests refused by the per-key limits: `rate` (over the minute's limit), `paused` (unknown codes). */
  readonly posRefused = new Counter({
    name: 'dvorik_pos_refused_total',
    help: 'POS requests refused with 429 by the per-key limits, by reason (rate, paused)',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  /** Codes issued, by the reason they were issued for (a gift, by hand, in bulk); test data excluded. */
  readonly codesIssued = new Counter({
    name: 'dvorik_codes_issued_total',
    help: 'Discount codes issued (gifts, manual, bulk, referral), by reason; test data excluded',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  readonly redemptions = new Counter({
    name: 'dvorik_redemptions_total',
    help: 'Codes redeemed, by channel (staff_bot, pos, admin) and reason; test data excluded',
    labelNames: ['channel', 'reason'] as const,
    registers: [this.registry],
  });

  /** Broadcast sends by outcome: sent, blocked, failed, retry (will be tried again), rate_limited, unknown. */
  readonly broadcastSends = new Counter({
    name: 'dvorik_broadcast_sends_total',
    help: 'Broadcast messages handed to Telegram by this process, by outcome',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly broadcastSendsInFlight = new Gauge({
    name: 'dvorik_broadcast_sends_in_flight',
    help: 'Broadcast messages this process is sending right now (claimed, no answer yet)',
    registers: [this.registry],
  });

  /** Recipients of the broadcasts being sent, by delivery status (filled at scrape time by the broadcasts module). */
  readonly broadcastRecipients = new Gauge({
    name: 'dvorik_broadcast_recipients',
    help: 'Recipients of broadcasts in status sending, by broadcast and delivery status',
    labelNames: ['broadcast', 'status'] as const,
    registers: [this.registry],
  });

  /** Per broadcast in status `sending`: when a recipient's row last changed (or it started). */
  readonly broadcastLastProgress = new Gauge({
    name: 'dvorik_broadcast_last_progress_timestamp_seconds',
    help: 'Broadcasts in status sending: when a delivery last changed (or the start), Unix time',
    labelNames: ['broadcast'] as const,
    registers: [this.registry],
  });

  /** How far ahead the client bot's shared send timeline is booked (at most ~1 s; at 1 s senders queue). */
  readonly sendLimiterBacklog = new Gauge({
    name: 'dvorik_send_limiter_backlog_seconds',
    help: "Seconds of the client bot's shared send rate already booked ahead (1 = senders are queueing)",
    registers: [this.registry],
  });

  readonly sendLimiterPause = new Gauge({
    name: 'dvorik_send_limiter_pause_seconds',
    help: 'Seconds left of a pause of all client bot sends after a 429 from Telegram',
    registers: [this.registry],
  });

  /** What /health/ready checks, read at scrape time: 1 reachable, 0 not. */
  readonly dependencyUp = new Gauge({
    name: 'dvorik_dependency_up',
    help: 'Whether this process reaches a dependency (database, redis): 1 yes, 0 no',
    labelNames: ['dependency'] as const,
    registers: [this.registry],
  });

  /** Outbox deliveries not done, by status (pending: due or waiting for a retry; failed: gave up). */
  readonly outboxDeliveries = new Gauge({
    name: 'dvorik_outbox_deliveries',
    help: 'Outbox deliveries not done, by status (pending, failed), read at scrape time',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });

  readonly outboxOldestPendingAge = new Gauge({
    name: 'dvorik_outbox_oldest_pending_age_seconds',
    help: 'Age of the oldest fact with a delivery still pending (0 when none), read at scrape time',
    registers: [this.registry],
  });

  /** Failed delivery attempts; `final="true"`: the last one, the delivery stays failed for an owner. */
  readonly outboxFailures = new Counter({
    name: 'dvorik_outbox_failures_total',
    help: 'Failed outbox delivery attempts by consumer; final="true" when it was the last attempt',
    labelNames: ['consumer', 'final'] as const,
    registers: [this.registry],
  });

  private readonly scrapeReaders: Array<() => Promise<void>> = [];

  /** Adds a reader that fills gauges just before each scrape (a failing reader is logged by the caller). */
  onScrape(read: () => Promise<void>): void {
    this.scrapeReaders.push(read);
  }

  /** Runs every scrape reader; answers the errors of those that failed (the others' values still count). */
  async readBeforeScrape(): Promise<unknown[]> {
    const results = await Promise.allSettled(this.scrapeReaders.map((read) => read()));
    return results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason);
  }

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'dvorik_' });
    // prom-client names three gauges `..._total`, a counter's suffix (`promtool check metrics` objects);
    // each is the sum over `type` of the labelled gauge beside it (`sum(dvorik_nodejs_active_handles)`).
    for (const name of REDUNDANT_DEFAULT_GAUGES) this.registry.removeSingleMetric(`dvorik_${name}`);
  }
}
