import { setMaxListeners } from 'node:events';
import { Injectable } from '@nestjs/common';
import { ClientBotApiJson, ClientTelegram } from '../../../infrastructure/telegram/telegram-senders';
import { failureOf } from '../../notices/domain/telegram-failure';
import { classifyFailure, SendOutcome } from '../domain/send-outcome';
import { BroadcastContent } from '../domain/broadcast-content';
import { uploadIdOf } from '../domain/media-upload';
import { UploadedMediaSource } from './uploaded-media-source';

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
  constructor(
    private readonly telegram: ClientTelegram,
    private readonly json: ClientBotApiJson,
    private readonly uploads: UploadedMediaSource,
  ) {}

  /** The timeout of a send (a batch's sends, which start together, share one). */
  timeout(): AbortSignal {
    const signal = AbortSignal.timeout(SEND_TIMEOUT_MS);
    setMaxListeners(0, signal); // one listener per send of the batch: no leak warning past 10
    return signal;
  }

  async send(
    chatId: number,
    content: BroadcastContent,
    paid: boolean,
    signal = this.timeout(),
  ): Promise<SendOutcome> {
    try {
      const message = await this.call(chatId, content, paid, signal);
      return { kind: 'sent', messageId: message.message_id };
    } catch (error) {
      return classifyFailure(failureOf(error));
    }
  }

  /** Sends and throws Telegram's error as is (the admin's test send reports it). */
  async call(
    chatId: number,
    content: BroadcastContent,
    paid: boolean,
    signal = this.timeout(),
  ): Promise<{ message_id: number }> {
    const uploadId = content.contentType === 'text' ? null : uploadIdOf(content.media);
    if (uploadId === null) return this.callWith(chatId, content, paid, content.media, signal);
    return this.uploads.withSource(uploadId, async (source) => {
      const media = 'fileId' in source ? source.fileId : source.upload;
      const message = await this.callWith(chatId, content, paid, media, signal);
      return { result: message, fileId: fileIdOf(message) };
    });
  }

  private async callWith(
    chatId: number,
    content: BroadcastContent,
    paid: boolean,
    media: string | { source: Buffer; filename: string } | null,
    signal: AbortSignal,
  ): Promise<SentMessage> {
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
      payload[content.contentType] = media;
      if (text) payload.caption = text;
    }
    // A JSON body (text, or media by file_id or URL) goes on the light client, the broadcast's bulk. A
    // { source } media is an upload: telegraf sends it as multipart. telegraf's per-method typing cannot
    // follow a computed method name, and its types predate allow_paid_broadcast.
    if (media === null || typeof media === 'string')
      return this.json.call<SentMessage>(METHOD[content.contentType], payload, signal);
    return (await this.telegram.callApi(METHOD[content.contentType], payload as never, {
      signal: signal as never,
    })) as SentMessage;
  }
}

type SentMessage = {
  message_id: number;
  photo?: Array<{ file_id: string }>;
  video?: { file_id: string };
};

/** The file_id Telegram gave the sent photo (its largest size) or video. */
function fileIdOf(message: SentMessage): string | null {
  return message.photo?.at(-1)?.file_id ?? message.video?.file_id ?? null;
}
