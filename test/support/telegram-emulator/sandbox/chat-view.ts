import type { InlineKeyboardMarkup, MessageEntity } from 'telegraf/types';
import type { StoredMessage } from '../message-store';
import type { SandboxButton, SandboxEntity, SandboxMessage } from './sandbox-types';

/** URL of a file's bytes for the page (the emulator serves it under the sandbox API). */
export function fileUrl(fileId: string): string {
  return `/_emulator/sandbox/file/${encodeURIComponent(fileId)}`;
}

/** A stored message as the sandbox page draws it. Pure. */
export function toSandboxMessage(stored: StoredMessage): SandboxMessage {
  const m = stored.message;
  const photo = m.photo?.at(-1);
  return {
    id: m.message_id,
    fromBot: stored.sentByBot,
    date: m.date,
    text: m.text,
    entities: entities(m.entities),
    caption: m.caption,
    captionEntities: entities(m.caption_entities),
    photo: photo ? fileUrl(photo.file_id) : undefined,
    video: m.video ? (m.video.file_name ?? 'видео') : undefined,
    document: m.document ? (m.document.file_name ?? 'файл') : undefined,
    inlineKeyboard: keyboard(m.reply_markup),
    edited: m.edit_date !== undefined,
  };
}

function entities(list: MessageEntity[] | undefined): SandboxEntity[] | undefined {
  return list?.map((e) => ({
    type: e.type,
    offset: e.offset,
    length: e.length,
    url: 'url' in e ? e.url : undefined,
  }));
}

function keyboard(markup: InlineKeyboardMarkup | undefined): SandboxButton[][] | undefined {
  return markup?.inline_keyboard.map((row) =>
    row.map((b) => ({
      text: b.text,
      data: 'callback_data' in b ? b.callback_data : undefined,
      url: 'url' in b ? b.url : undefined,
    })),
  );
}
