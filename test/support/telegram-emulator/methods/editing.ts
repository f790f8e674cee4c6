import { badRequest } from '../api-error';
import { compact } from '../compact';
import type { StoredMessage } from '../message-store';
import { readReplyMarkup } from '../reply-markup';
import { nowSeconds, readText } from './message-content';
import { requiredChat, type MethodContext, type MethodSpec } from './method-spec';

const NOT_MODIFIED =
  'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

/** The bot's message an edit names; undefined for an inline message, which the emulator does not keep. */
function messageToEdit(ctx: MethodContext): StoredMessage | undefined {
  const { params, state, bot } = ctx;
  if (params.has('inline_message_id')) return undefined;
  if (!ctx.chat) throw badRequest('chat_id is empty');
  const messageId = params.requiredInt('message_id', 'message identifier is not specified');
  const stored = state.messages.find(bot.id, ctx.chat.id, messageId);
  if (!stored) throw badRequest('message to edit not found');
  if (!stored.sentByBot) throw badRequest("message can't be edited");
  return stored;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Replaces the text; like Telegram, an edit without reply_markup removes the inline keyboard. */
const editMessageText: MethodSpec = {
  name: 'editMessageText',
  chat: 'optional',
  sends: false,
  reachesUser: true,
  handle(ctx) {
    const { text, entities } = readText(ctx.params);
    const replyMarkup = readReplyMarkup(ctx.params.json('reply_markup'));
    const stored = messageToEdit(ctx);
    if (!stored) return true;
    const current = stored.message;
    if (current.text === undefined) throw badRequest('there is no text in the message to edit');
    if (
      current.text === text &&
      same(current.entities, entities) &&
      same(current.reply_markup, replyMarkup)
    ) {
      throw badRequest(NOT_MODIFIED);
    }
    const edited = compact({
      ...current,
      text,
      entities,
      reply_markup: replyMarkup,
      edit_date: nowSeconds(),
    });
    ctx.state.messages.replace(ctx.bot.id, edited);
    ctx.produced = edited;
    return edited;
  },
};

const editMessageReplyMarkup: MethodSpec = {
  name: 'editMessageReplyMarkup',
  chat: 'optional',
  sends: false,
  reachesUser: true,
  handle(ctx) {
    const replyMarkup = readReplyMarkup(ctx.params.json('reply_markup'));
    const stored = messageToEdit(ctx);
    if (!stored) return true;
    if (same(stored.message.reply_markup, replyMarkup)) throw badRequest(NOT_MODIFIED);
    const edited = compact({ ...stored.message, reply_markup: replyMarkup });
    ctx.state.messages.replace(ctx.bot.id, edited);
    ctx.produced = edited;
    return edited;
  },
};

const deleteMessage: MethodSpec = {
  name: 'deleteMessage',
  chat: 'required',
  sends: false,
  reachesUser: true,
  handle(ctx) {
    const messageId = ctx.params.requiredInt('message_id', 'message identifier is not specified');
    if (!ctx.state.messages.delete(ctx.bot.id, requiredChat(ctx).id, messageId)) {
      throw badRequest('message to delete not found');
    }
    return true;
  },
};

export const editingMethods: MethodSpec[] = [editMessageText, editMessageReplyMarkup, deleteMessage];
