import { Logger } from '@nestjs/common';
import { setTimeout as delay } from 'node:timers/promises';
import type { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import { ALLOWED_UPDATES, BotName } from './bot-name';

/** Telegram holds a getUpdates call open this long when there is nothing to deliver. */
const LONG_POLL_SECONDS = 50;
const FETCH_RETRY_MS = 5_000;
const FIRST_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 30_000;

/** telegraf types the signal as the abort-controller polyfill's; node's own is what works at runtime. */
type TelegrafSignal = NonNullable<Parameters<Telegraf['telegram']['callApi']>[2]>['signal'];

const sleep = (ms: number, signal: AbortSignal) =>
  delay(ms, undefined, { ref: false, signal }).catch(() => undefined);

/**
 * Long polling that never confirms an update it could not handle. telegraf's own poller moves its offset
 * past every update it fetched, failed or not (and confirms it when it stops), so an update whose handling
 * met an outage would be lost. Here the offset moves only past the updates handled: when one fails for a
 * passing reason (bot.handleUpdate rejects: the error handler rethrows outages only), the next fetch starts
 * at it, after a growing pause, and Telegram hands it over again; updates after it that were handled are
 * dropped as repeats by the ledger.
 */
export class UpdatePoller {
  private readonly abort = new AbortController();
  private readonly logger: Logger;
  private offset = 0;
  private confirmed = 0;

  constructor(
    private readonly bot: Telegraf,
    private readonly name: BotName,
  ) {
    this.logger = new Logger(`${name}-bot`);
  }

  /** Connects (getMe, no webhook) and polls until `stop()`; rejects when it cannot connect. */
  async run(): Promise<void> {
    const { signal } = this.abort;
    this.bot.botInfo ??= await this.bot.telegram.getMe();
    await this.bot.telegram.deleteWebhook({ drop_pending_updates: false });
    this.logger.log('Receiving updates by long polling');
    let backoff = 0;
    while (!signal.aborted) {
      const updates = await this.fetch(signal);
      if (updates === null) continue;
      const failed = await this.handle(updates);
      if (failed === null) {
        backoff = 0;
        continue;
      }
      backoff = Math.min(Math.max(backoff * 2, FIRST_BACKOFF_MS), MAX_BACKOFF_MS);
      this.logger.warn(
        { updateId: failed },
        `An update waits for an outage to end; polling it again in ${backoff} ms`,
      );
      await sleep(backoff, signal);
    }
    await this.confirm();
  }

  stop(): void {
    this.abort.abort();
  }

  /** The next updates from the offset, or null after a failed call (retried after a pause). */
  private async fetch(signal: AbortSignal): Promise<Update[] | null> {
    try {
      const updates = await this.bot.telegram.callApi(
        'getUpdates',
        { timeout: LONG_POLL_SECONDS, offset: this.offset, allowed_updates: [...ALLOWED_UPDATES[this.name]] },
        { signal: signal as unknown as TelegrafSignal },
      );
      this.confirmed = this.offset;
      return updates;
    } catch (error) {
      if (signal.aborted) return null;
      this.logger.warn({ err: error }, `getUpdates failed; retrying in ${FETCH_RETRY_MS / 1000} s`);
      await sleep(FETCH_RETRY_MS, signal);
      return null;
    }
  }

  /** Handles a batch side by side; the id of the first update that must come again, or null. */
  private async handle(updates: Update[]): Promise<number | null> {
    const results = await Promise.allSettled(updates.map((update) => this.bot.handleUpdate(update)));
    const first = results.findIndex((result) => result.status === 'rejected');
    const handledUpTo = first < 0 ? updates.length : first;
    if (handledUpTo > 0) this.offset = updates[handledUpTo - 1].update_id + 1;
    return first < 0 ? null : updates[first].update_id;
  }

  /** Tells Telegram, before stopping, that the updates handled since the last fetch need not come again. */
  private async confirm(): Promise<void> {
    if (this.offset <= this.confirmed) return;
    await this.bot.telegram
      .callApi('getUpdates', { offset: this.offset, limit: 1, timeout: 0 })
      .catch((error: unknown) => this.logger.debug({ err: error }, 'Could not confirm the last updates'));
  }
}
