import type { IncomingMessage } from 'node:http';
import { badRequest } from './api-error';
import { multipartBoundary, parseMultipart } from './multipart';
import type { Params } from './types';
import { UploadedFile } from './uploaded-file';

/** Form fields that carry JSON, as clients serialise them in multipart and urlencoded bodies. */
const JSON_FIELDS = new Set([
  'reply_markup',
  'entities',
  'caption_entities',
  'allowed_updates',
  'commands',
  'scope',
  'reply_parameters',
  'link_preview_options',
  'media',
]);

/** Telegram accepts bodies up to 50 MB for uploads; a little headroom for the multipart framing. */
const MAX_BODY_BYTES = 55 * 1024 * 1024;

export class BotRequestTooLarge extends Error {
  constructor() {
    super('Request Entity Too Large');
  }
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BotRequestTooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads a call's parameters the ways the Bot API accepts them: query string, JSON,
 * application/x-www-form-urlencoded or multipart/form-data (file parts become UploadedFile).
 */
export function parseParams(contentType: string | undefined, body: Buffer, query: URLSearchParams): Params {
  const params: Params = {};
  for (const [key, value] of query) params[key] = fieldValue(key, value);
  if (body.length === 0) return params;
  const boundary = multipartBoundary(contentType);
  if (boundary) return Object.assign(params, multipartParams(body, boundary));
  if (contentType && /application\/x-www-form-urlencoded/i.test(contentType)) {
    for (const [key, value] of new URLSearchParams(body.toString('utf8')))
      params[key] = fieldValue(key, value);
    return params;
  }
  return Object.assign(params, jsonParams(body));
}

function jsonParams(body: Buffer): Params {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw badRequest("can't parse JSON encoded request parameters");
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw badRequest('parameters must be a JSON object');
  }
  return parsed as Params;
}

function multipartParams(body: Buffer, boundary: string): Params {
  const params: Params = {};
  let parts;
  try {
    parts = parseMultipart(body, boundary);
  } catch (error) {
    throw badRequest(`can't parse multipart/form-data: ${(error as Error).message}`);
  }
  for (const part of parts) {
    params[part.name] =
      part.filename === undefined
        ? fieldValue(part.name, part.data.toString('utf8'))
        : new UploadedFile(part.filename, part.data.length, part.contentType, part.data);
  }
  return params;
}

function fieldValue(key: string, value: string): unknown {
  if (!JSON_FIELDS.has(key)) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}
