import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The panel's shipped size: gzipped JS and CSS of the first screen (what web/admin/dist/index.html loads:
 * the entry and the chunks it preloads), then each page chunk. Run after `npm run build:admin`.
 */
const dist = join(__dirname, '..', 'web', 'admin', 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const firstScreen = [...html.matchAll(/(?:src|href)="\/admin\/(assets\/[^"]+\.(?:js|css))"/g)].map(
  (m) => m[1],
);
const gzipped = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

let total = 0;
for (const file of firstScreen) {
  const size = gzipped(file);
  total += size;
  console.log(`${file.padEnd(44)} ${kb(size).padStart(10)}`);
}
console.log(`First screen (login page), gzipped JS + CSS: ${kb(total)}`);
