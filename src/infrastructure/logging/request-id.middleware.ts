import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { RequestContext } from '../../common/context/request-context';

const INCOMING_ID = /^[A-Za-z0-9_.-]{8,64}$/;

/**
 * Gives every request an id (the caller's X-Request-Id when it is sane, else a new UUID), echoes it in the
 * response header, and runs the rest of the request inside a RequestContext so logs and audit rows carry it.
 */
export function requestIdMiddleware(request: Request, response: Response, next: NextFunction): void {
  const incoming = request.header('x-request-id');
  const requestId = incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID();
  (request as Request & { id: string }).id = requestId;
  response.setHeader('X-Request-Id', requestId);
  RequestContext.run({ requestId, ip: request.ip ?? null }, next);
}
