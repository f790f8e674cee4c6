import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from '../../common/errors/error-code';
import { errorBody } from '../../common/http/error-body';
import {
  ASSET_CACHE,
  contentSecurityPolicy,
  FILE_CACHE,
  newNonce,
  PAGE_CACHE,
  securityHeaders,
} from './security-headers';
import { NONCE_PLACEHOLDER, WebBundle } from './web-bundle';

/** The file under `dist` a request path names, or null when it would leave the folder or is not a file. */
export function fileIn(dist: string, requestPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = normalize(join(dist, decoded));
  if (!file.startsWith(dist + sep)) return null;
  try {
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/**
 * Express handler serving one built bundle (mounted at its path): hashed assets cached a year, any other
 * path answered with index.html (so a deep link survives a reload), never cached, with a per-request CSP
 * nonce. Only GET and HEAD; anything else goes on to the app (and its 404).
 */
export function serveBundle(bundle: WebBundle, dist: string) {
  const headers = securityHeaders(bundle);
  const indexFile = join(dist, 'index.html');

  const sendIndex = async (response: Response) => {
    const nonce = newNonce();
    const html = (await readFile(indexFile, 'utf8')).replaceAll(NONCE_PLACEHOLDER, nonce);
    response
      .status(200)
      .set(headers)
      .set('Content-Security-Policy', contentSecurityPolicy(bundle, nonce))
      .set('Cache-Control', PAGE_CACHE)
      .type('html')
      .send(html);
  };

  return (request: Request, response: Response, next: NextFunction): void => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const path = request.path;
    const isAsset = path.startsWith('/assets/');
    const file = path === '/' || path === '/index.html' ? null : fileIn(dist, path);
    if (file) {
      response.set(headers);
      response.sendFile(
        file,
        { headers: { 'Cache-Control': isAsset ? ASSET_CACHE : FILE_CACHE } },
        (error) => {
          if (error && !response.headersSent) next(error);
        },
      );
      return;
    }
    if (isAsset) {
      // A missing hashed file (an old page asking for a replaced build): a plain 404, never index.html.
      response.status(404).set(headers).json(errorBody(ErrorCode.NOT_FOUND, 'No such file'));
      return;
    }
    sendIndex(response).catch(next);
  };
}

/** Whether a bundle's build is there to serve. */
export function isBuilt(dist: string): boolean {
  return existsSync(join(dist, 'index.html'));
}
