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
import { isApiPath, NONCE_PLACEHOLDER, WebBundle } from './web-bundle';

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
 * Express handler serving one built bundle (mounted at its path): hashed assets cached a year; pages (`.html`)
 * never cached, with the bundle's CSP (and a per-request nonce when its styles need one); the mount path
 * itself answers the default page, and any other path that is no file answers the default page too (deep
 * links) or a 404, as the bundle says. Only GET and HEAD, and never the bundle's API paths: anything else
 * goes on to the app (its routes and its 404).
 */
export function serveBundle(bundle: WebBundle, dist: string) {
  const headers = securityHeaders(bundle);
  const defaultPage = join(dist, bundle.defaultPage);

  const sendPage = async (file: string, response: Response) => {
    const nonce = bundle.styleNonce ? newNonce() : null;
    const html = await readFile(file, 'utf8');
    response
      .status(200)
      .set(headers)
      .set('Content-Security-Policy', contentSecurityPolicy(bundle, nonce))
      .set('Cache-Control', PAGE_CACHE)
      .type('html')
      .send(nonce ? html.replaceAll(NONCE_PLACEHOLDER, nonce) : html);
  };

  const notFound = (response: Response) =>
    response.status(404).set(headers).json(errorBody(ErrorCode.NOT_FOUND, 'No such file'));

  return (request: Request, response: Response, next: NextFunction): void => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const path = request.path;
    if (isApiPath(bundle, path)) return next();
    const isAsset = path.startsWith('/assets/');
    const file = path === '/' ? defaultPage : fileIn(dist, path);
    if (file?.endsWith('.html')) {
      sendPage(file, response).catch(next);
      return;
    }
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
    // A missing hashed file (an old page asking for a replaced build) is a plain 404, never a page.
    if (isAsset || bundle.unknownPaths === 'not-found') {
      notFound(response);
      return;
    }
    sendPage(defaultPage, response).catch(next);
  };
}

/** Whether a bundle's build is there to serve. */
export function isBuilt(bundle: WebBundle, dist: string): boolean {
  return existsSync(join(dist, bundle.defaultPage));
}
