import type { Chat, UserFromGetMe } from 'telegraf/types';
import type { EmulatorState } from '../emulator-state';
import type { ParamReader } from '../param-reader';
import type { EmulatedMessage } from '../types';

export interface MethodContext {
  token: string;
  bot: UserFromGetMe;
  params: ParamReader;
  /** The chat named by chat_id, resolved before the handler runs for methods that target one. */
  chat?: Chat;
  state: EmulatorState;
  /** Aborted when the client gives up on the request (a long poll cut short). */
  signal: AbortSignal;
  /** Set by handlers that produce a message, for the call record. */
  produced?: EmulatedMessage;
  /** Set by handlers whose success Telegram annotates ("Webhook was set"). */
  description?: string;
}

export interface MethodSpec {
  name: string;
  /** `required`: chat_id must name a chat; `optional`: resolved when given (edits by inline_message_id). */
  chat: 'required' | 'optional' | 'none';
  /** Puts a message in a chat: rate limited, and listed by `sentTo`. */
  sends: boolean;
  /** Reaches the user in the chat, so it fails with 403 once the user has blocked the bot. */
  reachesUser: boolean;
  /** Returns the call's `result`, or throws a BotApiError. */
  handle(ctx: MethodContext): unknown;
}

/** The chat of a method declared with `chat: 'required'`. */
export function requiredChat(ctx: MethodContext): Chat {
  if (!ctx.chat) throw new Error(`chat was not resolved before the handler ran`);
  return ctx.chat;
}
