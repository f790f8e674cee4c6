import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The panel's shipped size: gzipped JS and CSS of the first screen (what web/admin/dist/index.html loads:
 * the entry and the chunks it preloads) and of every asset. Run after `npm run build:admin`; the
 * admin-panel bench (bench/admin-panel.ts) uses these functions for the dashboard route too.
 */
export const ADMIN_DIST = join(__dirname, '..', 'web', 'admin', 'dist');

/** `assets/…` paths of the JS and CSS index.html loads (the login page needs nothing more). */
export function firstScreenAssets(): string[] {
  const html = readFileSync(join(ADMIN_DIST, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\/admin\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
}

/** `assets/…` paths of every JS and CSS file of the build. */
export function allAssets(): string[] {
  return readdirSync(join(ADMIN_DIST, 'assets'))
    .filter((file) => /\.(?:js|css)$/.test(file))
    .map((file) => `assets/${file}`);
}

/** Bytes of `file` (an `assets/…` path) gzipped at level 9. */
export const gzipped = (file: string) => gzipSync(readFileSync(join(ADMIN_DIST, file)), { level: 9 }).length;

/** The gzipped bytes of `files` together. */
export const gzippedTotal = (files: string[]) => files.reduce((sum, file) => sum + gzipped(file), 0);

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

if (require.main === module) {
  const firstScreen = firstScreenAssets();
  for (const file of firstScreen) console.log(`${file.padEnd(44)} ${kb(gzipped(file)).padStart(10)}`);
  console.log(`First screen (login page), gzipped JS + CSS: ${kb(gzippedTotal(firstScreen))}`);
  console.log(`Every chunk of the panel, gzipped JS + CSS: ${kb(gzippedTotal(allAssets()))}`);
}
