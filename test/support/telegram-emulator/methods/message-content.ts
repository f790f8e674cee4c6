import type { MessageEntity } from 'telegraf/types';
import { badRequest } from '../api-error';
import { botAsSender } from '../bot-registry';
import { compact } from '../compact';
import type { ParamReader } from '../param-reader';
import { readReplyMarkup, replyKeyboardChange } from '../reply-markup';
import { formatText } from '../text-format';
import type { EmulatedMessage } from '../types';
import { requiredChat, type MethodContext } from './method-spec';

const MAX_TEXT_LENGTH = 4096;
const MAX_CAPTION_LENGTH = 1024;

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** The text of sendMessage / editMessageText as the user will see it, checked as Telegram checks it. */
export function readText(params: ParamReader): { text: string; entities?: MessageEntity[] } {
  const raw = params.requiredString('text', 'message text is empty');
  const { text, entities } = formatText(raw, params.string('parse_mode'), params.json('entities'));
  if (text.trim() === '') throw badRequest('message text is empty');
  if (text.length > MAX_TEXT_LENGTH) throw badRequest('message is too long');
  return compact({ text, entities: entities.length > 0 ? entities : undefined });
}

/** The caption of a media message, if any, as the user will see it. */
export function readCaption(params: ParamReader): { caption?: string; caption_entities?: MessageEntity[] } {
  const raw = params.string('caption');
  if (raw === undefined || raw === '') return {};
  const { text, entities } = formatText(raw, params.string('parse_mode'), params.json('caption_entities'));
  if (text.length > MAX_CAPTION_LENGTH) throw badRequest('message caption is too long');
  return compact({ caption: text, caption_entities: entities.length > 0 ? entities : undefined });
}

/** Puts a message from the bot into the call's chat and remembers it. */
export function postMessage(ctx: MethodContext, content: Partial<EmulatedMessage>): EmulatedMessage {
  const chat = requiredChat(ctx);
  const { state, bot, params } = ctx;
  const replyMarkup = readReplyMarkup(params.json('reply_markup'));
  const inChannel = chat.type === 'channel';
  const message: EmulatedMessage = compact({
    message_id: state.messages.nextMessageId(bot.id, chat.id),
    from: inChannel ? undefined : botAsSender(bot),
    sender_chat: inChannel ? chat : undefined,
    chat,
    date: nowSeconds(),
    ...content,
    has_protected_content: params.bool('protect_content') ? (true as const) : undefined,
    reply_markup: replyMarkup,
  });
  state.messages.save(bot.id, message, true);
  const keyboard = replyKeyboardChange(params.json('reply_markup'));
  if (keyboard !== undefined) state.messages.setReplyKeyboard(bot.id, chat.id, keyboard);
  ctx.produced = message;
  return message;
}
