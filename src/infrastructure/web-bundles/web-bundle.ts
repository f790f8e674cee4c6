import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Response } from 'express';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * A built web bundle (`web/<name>/dist`, made by `npm run build`), served by the app: files by their path
 * inside the bundle, never outside it; hashed assets cached for a year, pages never cached and sent with the
 * bundle's Content-Security-Policy. Meant to serve every bundle the same way (the Mini Apps today).
 */
export class WebBundle {
  readonly dir: string;

  constructor(
    name: string,
    private readonly contentSecurityPolicy: string,
    root = process.cwd(),
  ) {
    this.dir = resolve(root, 'web', name, 'dist');
  }

  /** Whether the bundle was built (the app still starts without it, answering 404). */
  get built(): boolean {
    return existsSync(this.dir);
  }

  /** Sends `path` (relative to the bundle) and returns true, or returns false when there is no such file. */
  async send(path: string, response: Response): Promise<boolean> {
    const file = normalize(join(this.dir, path));
    if (!file.startsWith(this.dir + sep)) return false;
    const type = CONTENT_TYPES[extname(file)];
    if (!type) return false;
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return false;
    }
    const page = type.startsWith('text/html');
    response.setHeader('Content-Type', type);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader(
      'Cache-Control',
      page || !path.startsWith('assets/') ? 'no-cache' : 'public, max-age=31536000, immutable',
    );
    if (page) response.setHeader('Content-Security-Policy', this.contentSecurityPolicy);
    response.status(200).end(body);
    return true;
  }
}
