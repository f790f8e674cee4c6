import type { IncomingMessage, ServerResponse } from 'node:http';
import { abortedWhenClientLeaves, sendJson } from '../http-json';
import { readBody } from '../request-params';
import type { FakeUser } from '../types';
import type { Sandbox } from './sandbox';

type Body = Record<string, unknown>;

/**
 * The page's API under /_emulator/sandbox/: GET cast, GET chat?bot=&user=&since= (held open until
 * something changes), GET file/<file_id>, POST send {bot, user, text}, press {bot, user, messageId, data},
 * membership {bot, user, member}, block {bot, user, blocked}.
 */
export async function handleSandboxRequest(
  sandbox: Sandbox,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const path = url.pathname.replace(/^\/_emulator\/sandbox\//, '');
  try {
    if (req.method === 'GET' && path === 'cast') return sendJson(res, 200, sandbox.cast());
    if (req.method === 'GET' && path === 'chat') {
      const q = url.searchParams;
      const chat = await sandbox.chat(
        int(q.get('bot'), 'bot'),
        int(q.get('user'), 'user'),
        Number.isFinite(Number(q.get('since'))) ? Number(q.get('since')) : -1,
        abortedWhenClientLeaves(res),
      );
      return sendJson(res, 200, chat);
    }
    if (req.method === 'GET' && path.startsWith('file/')) {
      const file = sandbox.file(decodeURIComponent(path.slice('file/'.length)));
      if (!file) return sendJson(res, 404, { error: 'no such file' });
      res.writeHead(200, { 'content-type': file.mimeType, 'content-length': file.bytes.length });
      res.end(file.bytes);
      return;
    }
    if (req.method !== 'POST') return sendJson(res, 404, { error: `No sandbox route ${req.method} ${path}` });
    const body = await jsonBody(req);
    const bot = int(body.bot, 'bot');
    const user = person(body.user);
    switch (path) {
      case 'send':
        return sendJson(res, 200, await sandbox.send(bot, user, text(body.text, 'text')));
      case 'press':
        return sendJson(
          res,
          200,
          await sandbox.press(bot, user, int(body.messageId, 'messageId'), text(body.data, 'data')),
        );
      case 'membership':
        return sendJson(res, 200, await sandbox.setMembership(bot, user, body.member === true));
      case 'block':
        return sendJson(res, 200, await sandbox.block(bot, user, body.blocked === true));
      default:
        return sendJson(res, 404, { error: `No sandbox route POST ${path}` });
    }
  } catch (error) {
    sendJson(res, 400, { error: (error as Error).message });
  }
}

async function jsonBody(req: IncomingMessage): Promise<Body> {
  const raw = await readBody(req);
  const body = raw.length === 0 ? {} : (JSON.parse(raw.toString('utf8')) as unknown);
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new Error('the body must be a JSON object');
  return body as Body;
}

function int(value: unknown, name: string): number {
  const number = typeof value === 'string' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number))
    throw new Error(`"${name}" must be an integer`);
  return number;
}

function text(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new Error(`"${name}" must be a non-empty string`);
  return value;
}

function person(value: unknown): FakeUser {
  if (typeof value !== 'object' || value === null) throw new Error('"user" must be an object with an id');
  const raw = value as Record<string, unknown>;
  const id = int(raw.id, 'user.id');
  if (id <= 0) throw new Error('"user.id" must be positive');
  const optional = (key: string) =>
    typeof raw[key] === 'string' && raw[key] !== '' ? (raw[key] as string) : undefined;
  return {
    id,
    first_name: optional('first_name') ?? `Гость ${id}`,
    last_name: optional('last_name'),
    username: optional('username'),
    language_code: 'ru',
  };
}
