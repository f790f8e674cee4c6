import { Logger } from '@nestjs/common';
import { setTimeout as delay } from 'node:timers/promises';
import type { Telegraf } from 'telegraf';
import type { AppConfig } from '../../config/app-config';
import type { Metrics } from '../metrics/metrics';
import { ALLOWED_UPDATES, BotName, webhookPath } from './bot-name';
import { botErrorHandler } from './bot-error-handler';
import { UpdatePoller } from './update-poller';

const RETRY_AFTER_MS = 5_000;
/** How long start-up waits for Telegram before going on and retrying in the background. */
const START_WAIT_MS = 10_000;
/** How long shutdown waits for the poller to finish the updates it is handling. */
const STOP_GRACE_MS = 10_000;

/** A pause that does not keep the process alive by itself. */
const sleep = (ms: number) => delay(ms, undefined, { ref: false });

/**
 * Connects one bot to Telegram. With PUBLIC_URL: sets the webhook (with the secret token) and lets the
 * webhook controller feed updates in. Without: long polling (UpdatePoller, which never confirms an update
 * that met an outage), stopped gracefully at shutdown (the updates in hand are finished first). Telegram being unreachable never stops the app: the launcher retries.
 */
export class BotLauncher {
  private readonly logger: Logger;
  private polling: Promise<void> | null = null;
  private poller: UpdatePoller | null = null;
  private retry: NodeJS.Timeout | null = null;
  private stopping = false;

  constructor(
    private readonly bot: Telegraf,
    private readonly name: BotName,
    private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {
    this.logger = new Logger(`${name}-bot`);
    bot.catch(botErrorHandler(name));
    this.makeStopSafe();
  }

  async start(): Promise<void> {
    if (this.config.publicUrl)
      await Promise.race([this.connectWebhook(this.config.publicUrl), sleep(START_WAIT_MS)]);
    else this.startPolling();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.retry) clearTimeout(this.retry);
    const deadline = Date.now() + STOP_GRACE_MS;
    this.poller?.stop();
    // The poller finishes the updates in hand, then confirms them to Telegram.
    if (this.polling) await Promise.race([this.polling, sleep(Math.max(0, deadline - Date.now()))]);
  }

  private async connectWebhook(publicUrl: string): Promise<void> {
    const url = `${publicUrl}${webhookPath(this.name)}`;
    try {
      this.bot.botInfo ??= await this.bot.telegram.getMe();
      await this.bot.telegram.setWebhook(url, {
        secret_token: this.config.telegramWebhookSecret,
        allowed_updates: ALLOWED_UPDATES[this.name],
        drop_pending_updates: false,
      });
      this.logger.log(`Receiving updates at ${url}`);
    } catch (error) {
      this.metrics.botErrors.inc({ bot: this.name, kind: 'webhook_setup_failed' });
      this.logger.warn({ err: error }, `Could not set the webhook; retrying in ${RETRY_AFTER_MS / 1000} s`);
      this.retryLater(() => this.connectWebhook(publicUrl));
    }
  }

  private startPolling(): void {
    if (this.stopping) return;
    // run() resolves only when polling stops, so it is watched, not awaited.
    this.poller = new UpdatePoller(this.bot, this.name);
    this.polling = this.poller.run().then(
      () => this.logger.log('Long polling stopped'),
      (error: unknown) => {
        this.metrics.botErrors.inc({ bot: this.name, kind: 'polling_failed' });
        this.logger.warn({ err: error }, `Long polling failed; retrying in ${RETRY_AFTER_MS / 1000} s`);
        this.retryLater(() => this.startPolling());
      },
    );
  }

  private retryLater(attempt: () => unknown): void {
    if (this.stopping) return;
    this.retry = setTimeout(() => void attempt(), RETRY_AFTER_MS);
    this.retry.unref();
  }

  /**
   * nestjs-telegraf stops every bot at shutdown, and telegraf throws "Bot is not running!" for a bot that
   * never polled (webhook mode, or Telegram unreachable so far): that is not an error here.
   */
  private makeStopSafe(): void {
    const stop = this.bot.stop.bind(this.bot);
    this.bot.stop = (reason?: string) => {
      try {
        stop(reason);
      } catch (error) {
        if (!(error instanceof Error && error.message === 'Bot is not running!')) throw error;
      }
    };
  }
}
