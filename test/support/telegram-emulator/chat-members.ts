import type { ChatMember, User } from 'telegraf/types';
import type { ChatMemberStatus, ErrorSpec } from './types';

/** Who is in which chat, as getChatMember reports it; unscripted users have `left`. */
export class ChatMemberBook {
  private readonly statuses = new Map<string, ChatMemberStatus>();
  private readonly failures = new Map<string, ErrorSpec>();

  set(chatId: number, userId: number, status: ChatMemberStatus): void {
    this.statuses.set(`${chatId}:${userId}`, status);
    this.failures.delete(`${chatId}:${userId}`);
  }

  status(chatId: number, userId: number): ChatMemberStatus | undefined {
    return this.statuses.get(`${chatId}:${userId}`);
  }

  /** Makes getChatMember fail for one user of the chat, or for all of them when userId is omitted. */
  fail(chatId: number, userId: number | undefined, error: ErrorSpec): void {
    this.failures.set(`${chatId}:${userId ?? '*'}`, error);
  }

  failureFor(chatId: number, userId: number): ErrorSpec | undefined {
    return this.failures.get(`${chatId}:${userId}`) ?? this.failures.get(`${chatId}:*`);
  }

  clear(): void {
    this.statuses.clear();
    this.failures.clear();
  }
}

/** A ChatMember object as Telegram shapes it for each status. */
export function chatMember(status: ChatMemberStatus, user: User): ChatMember {
  switch (status) {
    case 'creator':
      return { status, user, is_anonymous: false };
    case 'administrator':
      return {
        status,
        user,
        can_be_edited: false,
        is_anonymous: false,
        can_manage_chat: true,
        can_delete_messages: true,
        can_manage_video_chats: true,
        can_restrict_members: true,
        can_promote_members: false,
        can_change_info: true,
        can_invite_users: true,
        can_post_messages: true,
        can_edit_messages: true,
        can_post_stories: false,
        can_edit_stories: false,
        can_delete_stories: false,
      };
    case 'restricted':
      return {
        status,
        user,
        is_member: true,
        until_date: 0,
        can_send_messages: false,
        can_send_audios: false,
        can_send_documents: false,
        can_send_photos: false,
        can_send_videos: false,
        can_send_video_notes: false,
        can_send_voice_notes: false,
        can_send_polls: false,
        can_send_other_messages: false,
        can_add_web_page_previews: false,
        can_change_info: false,
        can_invite_users: false,
        can_pin_messages: false,
        can_manage_topics: false,
      };
    case 'kicked':
      return { status, user, until_date: 0 };
    case 'member':
    case 'left':
      return { status, user };
  }
}
