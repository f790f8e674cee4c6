import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import ts from 'typescript';

const PAGE_DIR = join(__dirname, 'page');
const STATIC: Record<string, string> = {
  '': 'index.html',
  'index.html': 'index.html',
  'style.css': 'style.css',
};
const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
};

/**
 * Serves the sandbox page under /sandbox/: its HTML and CSS as they are, and each `page/<name>.ts` as
 * `/sandbox/<name>.js`, transpiled on request (type checking is `npm run typecheck`'s job). No build step,
 * no bundler, nothing from the network: the browser loads the modules from the emulator itself.
 */
export class PageFiles {
  private readonly compiled = new Map<string, { mtimeMs: number; code: string }>();

  async serve(path: string, res: ServerResponse): Promise<void> {
    const name = path.replace(/^\/sandbox\/?/, '');
    const fixed = STATIC[name];
    if (fixed) return this.send(res, fixed.split('.').pop() ?? 'html', await readFile(join(PAGE_DIR, fixed)));
    const module = /^([a-z][a-z-]*)\.js$/.exec(name);
    if (!module) return this.notFound(res);
    const source = join(PAGE_DIR, `${module[1]}.ts`);
    const info = await stat(source).catch(() => undefined);
    if (!info) return this.notFound(res);
    const cached = this.compiled.get(source);
    if (cached && cached.mtimeMs === info.mtimeMs) return this.send(res, 'js', cached.code);
    const { outputText } = ts.transpileModule(await readFile(source, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
      fileName: source,
    });
    this.compiled.set(source, { mtimeMs: info.mtimeMs, code: outputText });
    this.send(res, 'js', outputText);
  }

  private send(res: ServerResponse, type: string, body: string | Buffer): void {
    res.writeHead(200, {
      'content-type': TYPES[type] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    res.end(body);
  }

  private notFound(res: ServerResponse): void {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Нет такой страницы');
  }
}
