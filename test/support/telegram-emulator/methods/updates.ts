import type { Update } from 'telegraf/types';
import { badRequest, conflict } from '../api-error';
import { compact } from '../compact';
import type { MethodSpec } from './method-spec';

/** Long polls wait at most this long, so stopping bots and the emulator stays quick. */
const LONG_POLL_CAP_MS = 1000;

const getUpdates: MethodSpec = {
  name: 'getUpdates',
  chat: 'none',
  sends: false,
  reachesUser: false,
  async handle({ state, token, params, signal }) {
    if (state.webhooks.get(token)) {
      throw conflict(
        "can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    }
    state.subscriptions.apply(token, params.json('allowed_updates'));
    const offset = params.int('offset');
    const limit = Math.min(100, Math.max(1, params.int('limit') ?? 100));
    const timeoutSeconds = Math.max(0, params.int('timeout') ?? 0);
    const wanted = (update: Update): boolean => state.subscriptions.receives(token, update);
    const updates = state.updates.take(token, offset, limit, wanted);
    if (updates.length > 0 || timeoutSeconds === 0 || signal.aborted) return updates;
    await state.updates.wait(token, Math.min(timeoutSeconds * 1000, LONG_POLL_CAP_MS), signal);
    return state.updates.take(token, offset, limit, wanted);
  },
};

/** Registers the webhook; http URLs are accepted (Telegram wants https) so tests can use local servers. */
const setWebhook: MethodSpec = {
  name: 'setWebhook',
  chat: 'none',
  sends: false,
  reachesUser: false,
  handle(ctx) {
    const { state, token, params } = ctx;
    const url = params.string('url') ?? '';
    if (url === '') {
      ctx.description = state.webhooks.delete(token) ? 'Webhook was deleted' : 'Webhook is already deleted';
      return true;
    }
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
      throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
    }
    const secretToken = params.string('secret_token');
    if (secretToken !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secretToken)) {
      throw badRequest('secret token contains unallowed characters');
    }
    const maxConnections = params.int('max_connections') ?? 40;
    if (maxConnections < 1 || maxConnections > 100) throw badRequest('bad webhook: invalid max_connections');
    if (params.bool('drop_pending_updates')) state.updates.drop(token);
    state.subscriptions.apply(token, params.json('allowed_updates'));
    const previous = state.webhooks.get(token);
    const ipAddress = params.string('ip_address');
    state.webhooks.set(token, compact({ url, secretToken, maxConnections, ipAddress }));
    ctx.description = previous?.url === url ? 'Webhook is already set' : 'Webhook was set';
    return true;
  },
};

const deleteWebhook: MethodSpec = {
  name: 'deleteWebhook',
  chat: 'none',
  sends: false,
  reachesUser: false,
  handle(ctx) {
    if (ctx.params.bool('drop_pending_updates')) ctx.state.updates.drop(ctx.token);
    ctx.description = ctx.state.webhooks.delete(ctx.token)
      ? 'Webhook was deleted'
      : 'Webhook is already deleted';
    return true;
  },
};

const getWebhookInfo: MethodSpec = {
  name: 'getWebhookInfo',
  chat: 'none',
  sends: false,
  reachesUser: false,
  handle({ state, token }) {
    const hook = state.webhooks.get(token);
    return compact({
      url: hook?.url ?? '',
      has_custom_certificate: false,
      // Webhook deliveries happen when a test makes them, so nothing waits while a webhook is set.
      pending_update_count: hook ? 0 : state.updates.count(token),
      max_connections: hook?.maxConnections,
      ip_address: hook?.ipAddress,
      last_error_date: hook?.lastErrorDate,
      last_error_message: hook?.lastErrorMessage,
      allowed_updates: state.subscriptions.of(token),
    });
  },
};

export const updateMethods: MethodSpec[] = [getUpdates, setWebhook, deleteWebhook, getWebhookInfo];
