import { Injectable } from '@nestjs/common';
import { ClientTelegram } from '../../../infrastructure/telegram/telegram-senders';
import { failureOf } from '../../notices/domain/telegram-failure';
import { classifyFailure, SendOutcome } from '../domain/send-outcome';
import { BroadcastContent } from '../domain/broadcast-content';

/** Longer than Telegram ever takes to answer; after it the send counts as `unknown` (maybe delivered). */
const SEND_TIMEOUT_MS = 30_000;

const METHOD = { text: 'sendMessage', photo: 'sendPhoto', video: 'sendVideo' } as const;

/**
 * Sends a broadcast's content to one chat through the client bot and says what happened, without
 * throwing: the pipeline decides from the outcome. `paid` adds allow_paid_broadcast (Telegram's paid
 * broadcasts, up to 1000 messages a second).
 */
@Injectable()
export class BroadcastMessage {
  constructor(private readonly telegram: ClientTelegram) {}

  async send(chatId: number, content: BroadcastContent, paid: boolean): Promise<SendOutcome> {
    try {
      const message = await this.call(chatId, content, paid);
      return { kind: 'sent', messageId: message.message_id };
    } catch (error) {
      return classifyFailure(failureOf(error));
    }
  }

  /** Sends and throws Telegram's error as is (the admin's test send reports it). */
  async call(chatId: number, content: BroadcastContent, paid: boolean): Promise<{ message_id: number }> {
    const text = content.text?.trim() ? content.text : undefined;
    const replyMarkup = content.buttons?.length
      ? {
          inline_keyboard: content.buttons.map((row) =>
            row.map(({ text: label, url }) => ({ text: label, url })),
          ),
        }
      : undefined;
    const payload: Record<string, unknown> = {
      chat_id: chatId,
      parse_mode: 'HTML',
      ...(replyMarkup ? { reply_markup: replyMarkup } : {}),
      ...(paid ? { allow_paid_broadcast: true } : {}),
    };
    if (content.contentType === 'text') {
      payload.text = text;
    } else {
      payload[content.contentType] = content.media;
      if (text) payload.caption = text;
    }
    // The payload is built per content type above; telegraf's per-method typing cannot follow a
    // computed method name, and its types predate allow_paid_broadcast.
    return (await this.telegram.callApi(METHOD[content.contentType], payload as never, {
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS) as never,
    })) as { message_id: number };
  }
}
