import type {
  Chat,
  Document,
  InlineKeyboardMarkup,
  MessageEntity,
  PhotoSize,
  User,
  Video,
} from 'telegraf/types';

/** A chat as a Bot API parameter accepts it: a numeric id (or its string) or a channel's `@username`. */
export type ChatRef = string | number;

export type ChatMemberStatus = 'creator' | 'administrator' | 'member' | 'restricted' | 'left' | 'kicked';

/** Parameters of a Bot API call as received (JSON body, form fields or query string). */
export type Params = Record<string, unknown>;

/** A user the emulator plays: the sender of the updates it builds. */
export interface FakeUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

/** An error a test scripts; the description defaults to what Telegram says for that code. */
export interface ErrorSpec {
  errorCode: number;
  description?: string;
  /** Seconds; sent as `parameters.retry_after` (429). */
  retryAfter?: number;
}

export interface ApiSuccess {
  ok: true;
  result: unknown;
  description?: string;
}

export interface ApiFailure {
  ok: false;
  error_code: number;
  description: string;
  parameters?: { retry_after?: number };
}

export type ApiBody = ApiSuccess | ApiFailure;

/** A message as the user sees it: Telegram's Message object, flattened over the kinds the emulator knows. */
export interface EmulatedMessage {
  message_id: number;
  date: number;
  chat: Chat;
  /** Absent in channels, where `sender_chat` is the channel. */
  from?: User;
  sender_chat?: Chat;
  text?: string;
  entities?: MessageEntity[];
  caption?: string;
  caption_entities?: MessageEntity[];
  photo?: PhotoSize[];
  video?: Video;
  document?: Document;
  has_protected_content?: true;
  /** Only inline keyboards: Telegram does not echo reply keyboards in the Message object. */
  reply_markup?: InlineKeyboardMarkup;
  edit_date?: number;
}

/** One Bot API call the emulator received, with the answer it gave. */
export interface RecordedCall {
  token: string;
  /** Canonical method name (`sendMessage` even when called as `sendmessage`). */
  method: string;
  params: Params;
  /** When the request arrived. */
  at: Date;
  /** Numeric id of the chat the call targets, when it names one the emulator could resolve. */
  chatId?: number;
  /** True when the bot made the call in its webhook response body rather than by its own request. */
  viaWebhookReply: boolean;
  response: { status: number; body: ApiBody };
  /** The message as the user sees it after a successful send, copy or edit. */
  message?: EmulatedMessage;
}
