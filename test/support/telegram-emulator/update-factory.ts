import type { Chat, MessageEntity, Update, User } from 'telegraf/types';
import { chatMember } from './chat-members';
import { compact } from './compact';
import type { ChatMemberStatus, EmulatedMessage, FakeUser } from './types';

/** A user as the `from` of an update. */
export function asUser(user: FakeUser): User {
  const { id, first_name, last_name, username, language_code } = user;
  return compact({ id, is_bot: false, first_name, last_name, username, language_code });
}

export function privateChatOf(user: FakeUser): Chat.PrivateChat {
  const { id, first_name, last_name, username } = user;
  return compact({ id, type: 'private' as const, first_name, last_name, username });
}

/** What every message a user sends carries. */
export interface MessageBase {
  messageId: number;
  date: number;
  from: FakeUser;
}

function baseMessage({ messageId, date, from }: MessageBase): EmulatedMessage {
  return { message_id: messageId, from: asUser(from), chat: privateChatOf(from), date };
}

/** A text message; a leading `/command` gets its bot_command entity, so `/start ref_abc` has a payload. */
export function textMessage(base: MessageBase, text: string): EmulatedMessage {
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  const entities: MessageEntity[] = command
    ? [{ type: 'bot_command', offset: 0, length: command[0].length }]
    : [];
  return compact({ ...baseMessage(base), text, entities: entities.length > 0 ? entities : undefined });
}

export function mediaMessage(
  base: MessageBase,
  media: Pick<EmulatedMessage, 'photo' | 'video' | 'document'>,
  caption?: string,
): EmulatedMessage {
  return compact({ ...baseMessage(base), ...media, caption });
}

export function messageUpdate(updateId: number, message: EmulatedMessage): Update {
  // EmulatedMessage is Telegram's Message flattened over content kinds; typegram's Message is a union by kind.
  return { update_id: updateId, message: message as Update.MessageUpdate['message'] };
}

export interface CallbackQueryFields {
  id: string;
  from: FakeUser;
  data: string;
  message: EmulatedMessage;
}

export function callbackQueryUpdate(updateId: number, query: CallbackQueryFields): Update {
  const { id, from, data, message } = query;
  const chatInstance = `${(BigInt(message.chat.id) * 7919n) % 9_000_000_000_000_000_000n}`;
  return {
    update_id: updateId,
    callback_query: {
      id,
      from: asUser(from),
      // Same flattening as in messageUpdate.
      message: message as Update.MessageUpdate['message'],
      chat_instance: chatInstance,
      data,
    },
  };
}

export interface MemberChange {
  chat: Chat;
  /** Who changed the status (the user themself when they join or leave). */
  actor: User;
  user: User;
  oldStatus: ChatMemberStatus;
  newStatus: ChatMemberStatus;
  date: number;
}

/** A `chat_member` update (someone's status in a chat the bot administers) or a `my_chat_member` one. */
export function memberUpdate(
  updateId: number,
  kind: 'chat_member' | 'my_chat_member',
  change: MemberChange,
): Update {
  const updated = {
    chat: change.chat,
    from: change.actor,
    date: change.date,
    old_chat_member: chatMember(change.oldStatus, change.user),
    new_chat_member: chatMember(change.newStatus, change.user),
  };
  return kind === 'chat_member'
    ? { update_id: updateId, chat_member: updated }
    : { update_id: updateId, my_chat_member: updated };
}
