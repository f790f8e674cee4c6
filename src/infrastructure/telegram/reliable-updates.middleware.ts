import { Logger } from '@nestjs/common';
import type { Context, MiddlewareFn } from 'telegraf';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import type { Metrics } from '../metrics/metrics';
import type { BotName } from './bot-name';
import type { FailedUpdates } from './failed-updates';
import type { UpdateLedger } from './update-ledger';
import { updateOutcome } from './update-outcome';

/** How each outcome of a failed update is counted in dvorik_bot_errors_total. */
const ERROR_KIND = { retry: 'outage', refused: 'refused', failed: 'handler_failed' } as const;

/**
 * Every update is handled once, and none is lost to an outage. Registered first, before every handler:
 * claims the update (a repeat of a handled one is dropped), runs the handlers, and then
 * - on success, or a business refusal, marks it handled;
 * - on an outage (MariaDB, Redis, Telegram), releases it and rethrows: the webhook answers 503 and the
 *   poller keeps its offset, so Telegram delivers it again and that delivery is handled;
 * - on a bug, records it in telegram_failed_updates and marks it handled, so it does not block the others.
 * The error still reaches the bot's error handler, which tells the person.
 */
export function reliableUpdates(
  bot: BotName,
  ledger: UpdateLedger,
  failed: FailedUpdates,
  metrics: Metrics,
  now: () => Date,
): MiddlewareFn<Context> {
  const logger = new Logger(`${bot}-bot`);
  const markDone = async (updateId: number) => {
    try {
      await ledger.markDone(bot, updateId);
    } catch (error) {
      // Handled, but Redis went away since: answering 5xx would make Telegram repeat work that was done.
      logger.warn({ err: error, updateId }, 'Handled an update but could not mark it handled');
    }
  };
  return async (ctx, next) => {
    const updateId = ctx.update.update_id;
    const claim = await ledger.claim(bot, updateId);
    if (claim === 'done') return;
    if (claim === 'in-hand') {
      throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'This update is being handled elsewhere', {
        reason: 'in-hand',
      });
    }
    metrics.botUpdates.inc({ bot, type: ctx.updateType });
    try {
      await next();
    } catch (error) {
      const outcome = updateOutcome(error);
      metrics.botErrors.inc({ bot, kind: ERROR_KIND[outcome] });
      if (outcome === 'retry') {
        await ledger.release(bot, updateId).catch(() => undefined);
        throw error;
      }
      if (outcome === 'failed') {
        try {
          await failed.record(bot, ctx.update, error, now());
        } catch (recordError) {
          // Cannot record it now (the database is away): let Telegram deliver it again and record it then.
          await ledger.release(bot, updateId).catch(() => undefined);
          throw recordError;
        }
      }
      await markDone(updateId);
      throw error;
    }
    await markDone(updateId);
  };
}
