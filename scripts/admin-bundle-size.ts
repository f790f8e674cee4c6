import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The panel's shipped size, gzipped (level 9) JS and CSS, read from the build (run after
 * `npm run build:admin`; WEB_ROOT points at another build):
 *
 * - the first screen, the login page: exactly what web/admin/dist/index.html loads before anything shows
 *   (its entry script, the chunks it preloads, its stylesheets), checked against the entry's own imports;
 * - each route of ROUTES: that plus the chunks its lazily loaded pages import, transitively (the graph is
 *   read from the chunks' `import … from "./x.js"` statements);
 * - every chunk of the build.
 *
 * The admin-panel bench (bench/admin-panel.ts) also sums what Chromium actually fetched for the dashboard.
 */
export const ADMIN_DIST = join(process.env.WEB_ROOT ?? join(__dirname, '..', 'web'), 'admin', 'dist');

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

/** The chunks `file` (an `assets/…` JS path) imports statically: loaded with it, before it runs. */
export function staticImports(file: string): string[] {
  const code = readFileSync(join(ADMIN_DIST, file), 'utf8');
  return [...code.matchAll(/(?:\bfrom|\bimport)\s*"\.\/([^"]+\.js)"/g)].map((m) => `assets/${m[1]}`);
}

/** `files` and every chunk they import statically, transitively, in the order found. */
export function withImports(files: string[]): string[] {
  const found = new Set<string>();
  const visit = (file: string) => {
    if (found.has(file)) return;
    found.add(file);
    if (file.endsWith('.js')) staticImports(file).forEach(visit);
  };
  files.forEach(visit);
  return [...found];
}

/** The chunk Vite built from the source module `name` (`Dashboard` → assets/Dashboard-<hash>.js). */
export function chunkOf(name: string): string {
  const matches = allAssets().filter((file) => new RegExp(`^assets/${name}-[\\w-]{8}\\.js$`).test(file));
  if (matches.length !== 1) throw new Error(`no single chunk for ${name}: ${matches.join(', ') || 'none'}`);
  return matches[0];
}

/**
 * Routes and the lazily loaded modules each needs on top of the first screen, in the order the page loads
 * them: react-admin (Panel) once logged in, then the page; the dashboard's figures show before its charts.
 */
export const ROUTES: [route: string, modules: string[]][] = [
  ['dashboard: its figures', ['Panel', 'Dashboard']],
  ['dashboard: with its charts', ['Panel', 'Dashboard', 'DailyChart', 'SourcesChart']],
  ['client list', ['Panel', 'UserList']],
];

/** What a cold load of `route` fetches: the first screen and its modules' chunks with their imports. */
export function routeAssets(modules: string[]): string[] {
  return withImports([...firstScreenAssets(), ...modules.map(chunkOf)]);
}

/** Bytes of `file` (an `assets/…` path) gzipped at level 9. */
export const gzipped = (file: string) => gzipSync(readFileSync(join(ADMIN_DIST, file)), { level: 9 }).length;

/** The gzipped bytes of `files` together. */
export const gzippedTotal = (files: string[]) => files.reduce((sum, file) => sum + gzipped(file), 0);

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

if (require.main === module) {
  const firstScreen = firstScreenAssets();
  const entry = firstScreen.find((file) => file.endsWith('.js'));
  const missing = entry ? withImports([entry]).filter((file) => !firstScreen.includes(file)) : [];
  if (missing.length) throw new Error(`index.html loads ${entry} but does not preload ${missing.join(', ')}`);
  const line = (name: string, bytes: number) => console.log(`${name.padEnd(46)} ${kb(bytes).padStart(10)}`);
  console.log('First screen (the login page): what index.html loads');
  for (const file of firstScreen) line(`  ${file}`, gzipped(file));
  line('  total', gzippedTotal(firstScreen));
  for (const [route, modules] of ROUTES) {
    const assets = routeAssets(modules);
    console.log(`\n${route}: the first screen and`);
    for (const file of assets.filter((file) => !firstScreen.includes(file))) line(`  ${file}`, gzipped(file));
    line('  total', gzippedTotal(assets));
  }
  console.log('');
  line('Every chunk of the panel', gzippedTotal(allAssets()));
}
