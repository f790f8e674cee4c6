import { Logger } from '@nestjs/common';
import type { Context } from 'telegraf';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { errorTextRu } from '../../common/errors/error-texts.ru';
import type { BotName } from './bot-name';
import { updateOutcome } from './update-outcome';

/** Said once per update while an outage keeps it from being handled; the real answer follows later. */
export const TRY_LATER_TEXT =
  'Магазин ненадолго недоступен. Ваше сообщение не потерялось: ответим, как только всё заработает.';

/** Updates already told to wait, per process (Telegram's redeliveries of one update say it once). */
const TOLD_LIMIT = 1_000;

/**
 * What a bot does when a handler throws. A business refusal or a bug: logged (a warning, an error) and the
 * person told in Russian; the update counts as handled. An outage (MariaDB, Redis, Telegram unavailable):
 * the person is asked to wait (once per update, when Telegram can be reached) and a 503 DomainError is
 * thrown, so the webhook answers 503 and the poller keeps its offset: Telegram delivers the update again.
 */
export function botErrorHandler(bot: BotName): (error: unknown, ctx: Context) => Promise<void> {
  const logger = new Logger(`${bot}-bot`);
  const told = new Set<string>();
  return async (error, ctx) => {
    const where = { updateId: ctx.update.update_id, updateType: updateTypeOf(ctx) };
    if (updateOutcome(error) === 'retry') {
      logger.warn(
        { ...where, err: error },
        'An outage kept an update from being handled; it will come again',
      );
      const inHand = error instanceof DomainError && error.details?.reason === 'in-hand';
      if (!inHand && firstTime(told, `${bot}:${where.updateId}`)) await tell(ctx, TRY_LATER_TEXT);
      throw error instanceof DomainError
        ? error
        : new DomainError(
            ErrorCode.SERVICE_UNAVAILABLE,
            'A dependency is unavailable; deliver the update again',
          );
    }
    if (error instanceof DomainError) logger.warn({ ...where, code: error.code }, error.message);
    else logger.error({ ...where, err: error }, 'A bot update handler failed');
    if (!(await tell(ctx, errorTextRu(error))))
      logger.warn(where, 'Could not tell the person about the failure');
  };
}

/**
 * A button press is answered in its own popup; when that fails (already answered), by a message in a
 * private chat (never in a channel or group: a membership update must not post there). False when no one
 * could be told although there was someone.
 */
async function tell(ctx: Context, text: string): Promise<boolean> {
  if (ctx.callbackQuery && (await succeeded(() => ctx.answerCbQuery(text, { show_alert: true }))))
    return true;
  if (ctx.chat?.type !== 'private') return true;
  return succeeded(() => ctx.reply(text));
}

function firstTime(told: Set<string>, key: string): boolean {
  if (told.has(key)) return false;
  if (told.size >= TOLD_LIMIT) told.delete(told.values().next().value as string);
  told.add(key);
  return true;
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
