import { badRequest } from '../api-error';
import { compact } from '../compact';
import type { FileKind, StoredFile } from '../file-store';
import type { EmulatedMessage } from '../types';
import { postMessage, readCaption, readText } from './message-content';
import type { MethodContext, MethodSpec } from './method-spec';

const CHAT_ACTIONS = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
]);

const sendMessage: MethodSpec = {
  name: 'sendMessage',
  chat: 'required',
  sends: true,
  reachesUser: true,
  handle: (ctx) => postMessage(ctx, readText(ctx.params)),
};

function mediaSender(name: string, kind: FileKind): MethodSpec {
  return {
    name,
    chat: 'required',
    sends: true,
    reachesUser: true,
    handle(ctx) {
      const { params, state } = ctx;
      const ref = params.file(kind);
      if (ref === undefined) throw badRequest(`there is no ${kind} in the request`);
      const caption = readCaption(params);
      const file =
        typeof ref === 'string' ? state.files.byReference(kind, ref) : state.files.upload(kind, ref);
      return postMessage(ctx, { ...mediaOf(kind, file, ctx), ...caption });
    },
  };
}

function mediaOf(
  kind: FileKind,
  file: StoredFile,
  { state, params }: MethodContext,
): Partial<EmulatedMessage> {
  switch (kind) {
    case 'photo':
      return { photo: state.files.photoSizes(file) };
    case 'video': {
      const size = {
        width: params.int('width'),
        height: params.int('height'),
        duration: params.int('duration'),
      };
      return { video: state.files.video(file, size) };
    }
    case 'document':
      return { document: state.files.document(file) };
  }
}

/** Copies a message the bot knows (its own, or one a user sent it); answers a MessageId as Telegram does. */
const copyMessage: MethodSpec = {
  name: 'copyMessage',
  chat: 'required',
  sends: true,
  reachesUser: true,
  handle(ctx: MethodContext) {
    const { params, state, bot } = ctx;
    const fromRef = params.chatRef('from_chat_id');
    if (fromRef === undefined) throw badRequest('from_chat_id is empty');
    const fromChat = state.directory.resolve(fromRef);
    if (!fromChat) throw badRequest('chat not found');
    const messageId = params.requiredInt('message_id', 'message identifier is not specified');
    const source = state.messages.find(bot.id, fromChat.id, messageId);
    if (!source) throw badRequest('message to copy not found');
    const { text, entities, photo, video, document, caption, caption_entities } = source.message;
    const captionFields = params.has('caption') ? readCaption(params) : { caption, caption_entities };
    const content = text === undefined ? { photo, video, document, ...captionFields } : { text, entities };
    const copy = postMessage(ctx, compact(content));
    return { message_id: copy.message_id };
  },
};

const sendChatAction: MethodSpec = {
  name: 'sendChatAction',
  chat: 'required',
  sends: false,
  reachesUser: true,
  handle({ params }) {
    const action = params.string('action');
    if (action === undefined || !CHAT_ACTIONS.has(action))
      throw badRequest('wrong parameter action in request');
    return true;
  },
};

export const sendingMethods: MethodSpec[] = [
  sendMessage,
  mediaSender('sendPhoto', 'photo'),
  mediaSender('sendVideo', 'video'),
  mediaSender('sendDocument', 'document'),
  copyMessage,
  sendChatAction,
];
