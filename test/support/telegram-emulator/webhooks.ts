/** A bot's webhook as setWebhook registered it. */
export interface Webhook {
  url: string;
  secretToken?: string;
  maxConnections: number;
  ipAddress?: string;
  lastErrorDate?: number;
  lastErrorMessage?: string;
}

/** The webhook of each bot token; a bot without one receives updates through getUpdates. */
export class WebhookRegistry {
  private readonly hooks = new Map<string, Webhook>();

  set(token: string, hook: Webhook): void {
    this.hooks.set(token, hook);
  }

  get(token: string): Webhook | undefined {
    return this.hooks.get(token);
  }

  delete(token: string): boolean {
    return this.hooks.delete(token);
  }

  /** Notes a failed delivery, reported by getWebhookInfo as Telegram does. */
  recordError(token: string, message: string): void {
    const hook = this.hooks.get(token);
    if (hook)
      Object.assign(hook, { lastErrorDate: Math.floor(Date.now() / 1000), lastErrorMessage: message });
  }
}
