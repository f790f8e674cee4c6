import { Logger } from '@nestjs/common';
import type { Context } from 'telegraf';
import { DomainError } from '../../common/errors/domain-error';
import { errorTextRu } from '../../common/errors/error-texts.ru';
import type { Metrics } from '../metrics/metrics';
import type { BotName } from './bot-name';

/**
 * What a bot does when a handler throws: logs it (a business refusal as a warning, anything else as an
 * error) and tells the person in Russian when there is someone to tell. Never throws itself, so one bad
 * update can neither stop polling nor fail a webhook call.
 */
export function botErrorHandler(
  bot: BotName,
  metrics: Metrics,
): (error: unknown, ctx: Context) => Promise<void> {
  const logger = new Logger(`${bot}-bot`);
  return async (error, ctx) => {
    const where = { updateId: ctx.update.update_id, updateType: updateTypeOf(ctx) };
    const refused = error instanceof DomainError;
    metrics.botErrors.inc({ bot, kind: refused ? 'refused' : 'handler_failed' });
    if (refused) logger.warn({ ...where, code: error.code }, error.message);
    else logger.error({ ...where, err: error }, 'A bot update handler failed');
    const text = errorTextRu(error);
    // A button press is answered in its own popup; when that fails (already answered), by a message.
    if (ctx.callbackQuery && (await succeeded(() => ctx.answerCbQuery(text, { show_alert: true })))) return;
    if (ctx.chat && !(await succeeded(() => ctx.reply(text)))) {
      logger.warn(where, 'Could not tell the person about the failure');
    }
  };
}

/** telegraf's `updateType` throws for an update with no content, and this handler must not throw. */
function updateTypeOf(ctx: Context): string {
  try {
    return ctx.updateType;
  } catch {
    return 'unknown';
  }
}

async function succeeded(call: () => Promise<unknown>): Promise<boolean> {
  try {
    await call();
    return true;
  } catch {
    return false;
  }
}
