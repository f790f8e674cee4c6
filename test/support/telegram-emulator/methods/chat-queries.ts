import { badRequest, errorFromSpec } from '../api-error';
import { botAsSender } from '../bot-registry';
import { chatMember } from '../chat-members';
import type { MethodSpec } from './method-spec';

/** Accepts an answer once per delivered callback query, as Telegram does. */
const answerCallbackQuery: MethodSpec = {
  name: 'answerCallbackQuery',
  chat: 'none',
  sends: false,
  reachesUser: false,
  handle({ state, params }) {
    const id = params.requiredString(
      'callback_query_id',
      'query is too old and response timeout expired or query ID is invalid',
    );
    if (!state.openCallbackQueries.delete(id)) {
      throw badRequest('query is too old and response timeout expired or query ID is invalid');
    }
    const text = params.string('text');
    if (text !== undefined && text.length > 200) throw badRequest('MESSAGE_TOO_LONG');
    return true;
  },
};

/**
 * Answers the scripted status (`left` when unscripted; the bot itself is an administrator, so a
 * start-up check that the bot administers the channel passes), or the scripted failure.
 */
const getChatMember: MethodSpec = {
  name: 'getChatMember',
  chat: 'required',
  sends: false,
  reachesUser: false,
  handle({ state, params, chat, bot }) {
    const userId = params.requiredInt('user_id', 'invalid user_id specified');
    if (!chat) throw badRequest('chat not found');
    const failure = state.members.failureFor(chat.id, userId);
    if (failure) throw errorFromSpec(failure);
    const status = state.members.status(chat.id, userId) ?? (userId === bot.id ? 'administrator' : 'left');
    const user = userId === bot.id ? botAsSender(bot) : state.directory.user(userId);
    return chatMember(status, user);
  },
};

export const chatQueryMethods: MethodSpec[] = [answerCallbackQuery, getChatMember];
