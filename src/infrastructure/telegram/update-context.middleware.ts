import type { Context, MiddlewareFn } from 'telegraf';
import { RequestContext } from '../../common/context/request-context';
import type { BotName } from './bot-name';

/**
 * Runs the rest of an update's handling in a RequestContext named after the update (`tg-staff-123`), so
 * logs and audit rows say which update caused them, whether it came by webhook or by polling.
 */
export function updateContext(bot: BotName): MiddlewareFn<Context> {
  return (ctx, next) =>
    RequestContext.run({ requestId: `tg-${bot}-${ctx.update.update_id}`, ip: null }, () => next());
}
