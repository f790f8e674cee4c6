import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

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

  /** Updates whose handling threw: retry (an outage, delivered again), refused (business rule), failed (bug). */
  readonly botUpdateFailures = new Counter({
    name: 'dvorik_bot_update_failures_total',
    help: 'Telegram updates whose handling threw, by bot and outcome (retry, refused, failed)',
    labelNames: ['bot', 'outcome'] as const,
    registers: [this.registry],
  });

  /** POS requests refused by the per-key limits: `rate` (over the minute's limit), `paused` (unknown codes). */
  readonly posRefused = new Counter({
    name: 'dvorik_pos_refused_total',
    help: 'POS requests refused with 429 by the per-key limits, by reason (rate, paused)',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  /** Broadcast sends by outcome: sent, blocked, failed, retry (will be tried again), rate_limited, unknown. */
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

  /**
   * Recipients of the broadcasts being sent, by delivery status (read at scrape time by the broadcasts
   * module through `readBroadcastProgress`, in processes with the api role).
   */
  readonly broadcastRecipients = new Gauge({
    name: 'dvorik_broadcast_recipients',
    help: 'Recipients of broadcasts in status sending, by broadcast and delivery status',
    labelNames: ['broadcast', 'status'] as const,
    registers: [this.registry],
    collect: () => this.readBroadcastProgress?.(),
  });

  /** Set by the broadcasts module: fills broadcastRecipients from the database. */
  readBroadcastProgress?: () => Promise<void>;

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'dvorik_' });
  }
}
