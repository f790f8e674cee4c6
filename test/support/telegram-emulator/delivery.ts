import { STATUS_CODES } from 'node:http';
import type { Update } from 'telegraf/types';
import type { Dispatcher } from './dispatcher';
import type { EmulatorState } from './emulator-state';
import { parseParams } from './request-params';
import type { RecordedCall } from './types';
import { updateTypeOf } from './update-types';
import { postUpdate, type WebhookAnswer } from './webhook-post';

/** Where to deliver instead of the registered webhook, e.g. to send a wrong secret token. */
export interface DeliveryTarget {
  url?: string;
  /** Sent as X-Telegram-Bot-Api-Secret-Token; an explicit undefined sends no header. */
  secretToken?: string;
}

export interface DeliveryResult {
  updateId: number;
  update: Update;
  /** POSTed to a webhook, queued for getUpdates, or dropped because the bot did not subscribe to its type. */
  route: 'webhook' | 'queue' | 'filtered';
  /** The webhook's HTTP status (0 when it could not be reached); null unless route is `webhook`. */
  status: number | null;
  /** The webhook's answer body, or why the update was not delivered. */
  body: string;
  /** The method the bot called in its webhook answer, which Telegram executes (telegraf's webhookReply). */
  webhookReply?: RecordedCall;
}

/** Sends updates to bots as Telegram does: to the webhook when one is set, else into the getUpdates queue. */
export class UpdateDelivery {
  constructor(
    private readonly state: EmulatorState,
    private readonly dispatcher: Dispatcher,
  ) {}

  async deliver(token: string, update: Update, target?: DeliveryTarget): Promise<DeliveryResult> {
    const bot = this.state.bots.me(token);
    if (!bot)
      throw new Error(`"${token}" is not a bot token (expected digits, a colon and a secret: 123456:ABC)`);
    this.state.observe(bot, update);
    this.state.changes.bump();
    const base = { updateId: update.update_id, update };
    const hook = this.state.webhooks.get(token);
    const url = target?.url ?? hook?.url;
    if (url === undefined) {
      this.state.updates.push(token, update);
      return { ...base, route: 'queue', status: null, body: '' };
    }
    if (target?.url === undefined && !this.state.subscriptions.receives(token, update)) {
      const reason = `${updateTypeOf(update)} is not in the bot's allowed_updates, so Telegram would not send it`;
      return { ...base, route: 'filtered', status: null, body: reason };
    }
    const secretToken = target && 'secretToken' in target ? target.secretToken : hook?.secretToken;
    let answer: WebhookAnswer;
    try {
      answer = await postUpdate(url, update, secretToken);
    } catch (error) {
      const reason = (error as Error).message;
      this.state.webhooks.recordError(token, reason);
      return { ...base, route: 'webhook', status: 0, body: reason };
    }
    const ok = answer.status >= 200 && answer.status < 300;
    if (!ok) {
      this.state.webhooks.recordError(
        token,
        `Wrong response from the webhook: ${answer.status} ${STATUS_CODES[answer.status] ?? ''}`,
      );
    }
    const webhookReply = ok ? await this.runWebhookReply(token, answer) : undefined;
    return {
      ...base,
      route: 'webhook',
      status: answer.status,
      body: answer.body.toString('utf8'),
      webhookReply,
    };
  }

  /** Telegram executes a method the bot puts in its webhook answer; anything else in the body is ignored. */
  private async runWebhookReply(token: string, answer: WebhookAnswer): Promise<RecordedCall | undefined> {
    if (answer.body.length === 0) return undefined;
    let params;
    try {
      params = parseParams(answer.contentType, answer.body, new URLSearchParams());
    } catch {
      return undefined;
    }
    const { method, ...rest } = params;
    if (typeof method !== 'string') return undefined;
    return this.dispatcher.dispatch(token, method, rest, { viaWebhookReply: true });
  }
}
