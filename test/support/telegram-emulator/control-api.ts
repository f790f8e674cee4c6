import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Update } from 'telegraf/types';
import { sendJson } from './http-json';
import { readBody } from './request-params';
import type { TelegramEmulator } from './telegram-emulator';
import type { ChatMemberStatus, ChatRef, FakeUser } from './types';

type Body = Record<string, unknown>;
type Route = (emulator: TelegramEmulator, query: URLSearchParams, body: Body) => unknown;

const STATUSES: readonly ChatMemberStatus[] = [
  'creator',
  'administrator',
  'member',
  'restricted',
  'left',
  'kicked',
];

/**
 * Drives the emulator from another process (benches, a person running the app by hand):
 * GET /_emulator/calls?method=&chatId=, GET /_emulator/messages?chatId=, GET /_emulator/stats,
 * POST /_emulator/reset, /block {chatId, blocked?}, /unblock {chatId}, /rate-limit {perSecond},
 * /chat-member {chatId, userId, status}, /fail-next {method, errorCode, description?, retryAfter?, count?, chatId?},
 * /deliver {token, update}, /text {token, from, text}, /button {token, from, data}.
 */
const ROUTES: Record<string, Route> = {
  'GET /_emulator/calls': (emulator, query) => {
    const method = query.get('method');
    const chatRef = query.get('chatId');
    const chatId = chatRef ? emulator.chatIdOf(chatRef) : undefined;
    return emulator.calls.filter(
      (c) =>
        (!method || c.method.toLowerCase() === method.toLowerCase()) && (!chatRef || c.chatId === chatId),
    );
  },
  'GET /_emulator/messages': (emulator, query) =>
    emulator.messagesTo(requiredChat(query.get('chatId'), 'chatId')),
  'GET /_emulator/stats': (emulator) => emulator.stats,
  'POST /_emulator/reset': (emulator) => (emulator.reset(), { ok: true }),
  'POST /_emulator/block': (emulator, _query, body) => {
    const chatId = requiredChat(body.chatId, 'chatId');
    if (body.blocked === false) emulator.unblockChat(chatId);
    else emulator.blockChat(chatId);
    return { ok: true };
  },
  'POST /_emulator/unblock': (emulator, _query, body) => (
    emulator.unblockChat(requiredChat(body.chatId, 'chatId')),
    { ok: true }
  ),
  'POST /_emulator/rate-limit': (emulator, _query, body) => {
    const perSecond =
      body.perSecond === null || body.perSecond === 0 ? null : requiredNumber(body.perSecond, 'perSecond');
    emulator.setRateLimit(perSecond);
    return { ok: true, perSecond };
  },
  'POST /_emulator/chat-member': (emulator, _query, body) => {
    const status = body.status as ChatMemberStatus;
    if (!STATUSES.includes(status)) throw new Error(`"status" must be one of ${STATUSES.join(', ')}`);
    emulator.setChatMember(
      requiredChat(body.chatId, 'chatId'),
      requiredNumber(body.userId, 'userId'),
      status,
    );
    return { ok: true };
  },
  'POST /_emulator/fail-next': (emulator, _query, body) => {
    emulator.failNext(requiredString(body.method, 'method'), {
      errorCode: requiredNumber(body.errorCode, 'errorCode'),
      description: typeof body.description === 'string' ? body.description : undefined,
      retryAfter: typeof body.retryAfter === 'number' ? body.retryAfter : undefined,
      count: typeof body.count === 'number' ? body.count : undefined,
      chatId: body.chatId === undefined ? undefined : requiredChat(body.chatId, 'chatId'),
    });
    return { ok: true };
  },
  'POST /_emulator/deliver': (emulator, _query, body) => {
    if (typeof body.update !== 'object' || body.update === null)
      throw new Error('"update" must be an object');
    // The update comes from outside as JSON; it is passed on as Telegram would pass it, unchecked.
    const update = { update_id: emulator.lastUpdateId + 1, ...body.update } as Update;
    return emulator.deliverUpdate(requiredString(body.token, 'token'), update);
  },
  'POST /_emulator/text': (emulator, _query, body) =>
    emulator.sendText(
      requiredString(body.token, 'token'),
      requiredUser(body.from),
      requiredString(body.text, 'text'),
    ),
  'POST /_emulator/button': (emulator, _query, body) =>
    emulator.pressButton(
      requiredString(body.token, 'token'),
      requiredUser(body.from),
      requiredString(body.data, 'data'),
    ),
};

export async function handleControlRequest(
  emulator: TelegramEmulator,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const key = `${req.method} ${url.pathname.replace(/\/+$/, '')}`;
  const route = ROUTES[key];
  if (!route) return sendJson(res, 404, { error: `No control route ${key}`, routes: Object.keys(ROUTES) });
  try {
    const raw = await readBody(req);
    const body = raw.length === 0 ? {} : (JSON.parse(raw.toString('utf8')) as unknown);
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new Error('the body must be a JSON object');
    sendJson(res, 200, await route(emulator, url.searchParams, body as Body));
  } catch (error) {
    sendJson(res, 400, { error: (error as Error).message });
  }
}

function requiredString(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') throw new Error(`"${name}" must be a non-empty string`);
  return value;
}

function requiredNumber(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`"${name}" must be a number`);
  return value;
}

function requiredChat(value: unknown, name: string): ChatRef {
  if (typeof value === 'number' || (typeof value === 'string' && value !== '')) return value;
  throw new Error(`"${name}" must be a chat id or a channel @username`);
}

function requiredUser(value: unknown): FakeUser {
  if (typeof value !== 'object' || value === null) throw new Error('"from" must be a user object with an id');
  const user = value as Partial<FakeUser>;
  const id = requiredNumber(user.id, 'from.id');
  return { ...user, id, first_name: typeof user.first_name === 'string' ? user.first_name : `User ${id}` };
}
