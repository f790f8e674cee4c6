// @ts-check
/**
 * Two lint rules that keep the modules' seams (docs/ARCHITECTURE.md):
 * - `module-boundaries/public-surface`: a module imports another module only through its public surface
 *   (commands/, queries/, events/, domain/, and the module file); code outside src/modules never imports a
 *   module's persistence/; infrastructure/, common/ and config/ import no module at all; neither they nor a
 *   module imports the bots (src/bots/, adapters above the modules).
 * - `module-boundaries/table-owner`: SQL text in a module names only its own tables.
 * The exceptions are listed once, with their reasons, in module-boundaries.allow.mjs.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALLOWED_IMPORTS, ALLOWED_SQL, TABLE_OWNERS } from './module-boundaries.allow.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PUBLIC = new Set(['commands', 'queries', 'events', 'domain']);
const LOWER_LAYERS = ['src/infrastructure/', 'src/common/', 'src/config/'];
const BOTS = 'src/bots/';

/** 'src/modules/codes/commands/x.ts' → { module: 'codes', folder: 'commands' } (folder null for a root file). */
function placeOf(rel) {
  const match = /^src\/modules\/([^/]+)\/(?:([^/]+)\/)?/.exec(rel);
  return match ? { module: match[1], folder: match[2] ?? null } : null;
}

/** A repository-relative path with '/' and without a .ts ending. */
function repoPath(absolute) {
  return path.relative(ROOT, absolute).split(path.sep).join('/').replace(/\.ts$/, '');
}

/** '*' stands for one path segment (or part of one), '**' for any number of them. */
function globToRegExp(glob) {
  const escaped = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    '^' +
      escaped
        .replace(/\*\*/g, '\u0000')
        .replace(/\*/g, '[^/]*')
        .replace(/\u0000/g, '.*') +
      '$',
  );
}

const allowedImports = ALLOWED_IMPORTS.map((entry) => ({
  from: globToRegExp(entry.from),
  to: globToRegExp(entry.to),
}));
const allowedSql = ALLOWED_SQL.map((entry) => ({
  file: globToRegExp(entry.file.replace(/\.ts$/, '')),
  tables: entry.tables,
}));

/** @type {import('eslint').Rule.RuleModule} */
const publicSurface = {
  meta: {
    type: 'problem',
    docs: { description: 'Import another module only through its commands, queries, events and domain' },
    schema: [],
  },
  create(context) {
    const importer = repoPath(context.filename);
    if (!importer.startsWith('src/')) return {};
    const from = placeOf(importer);
    const lowerLayer = LOWER_LAYERS.some((prefix) => importer.startsWith(prefix));

    function check(node) {
      const source = node.source && node.source.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = repoPath(path.resolve(path.dirname(context.filename), source));
      if (target.startsWith(BOTS) && (from || lowerLayer) && !importer.endsWith('.spec')) {
        context.report({
          node,
          message:
            `${importer} may not import the bots' adapter ${target}: what both need belongs in a module's ` +
            'domain/ (or common/).',
        });
        return;
      }
      const to = placeOf(target);
      if (!to || (from && from.module === to.module)) return;
      if (allowedImports.some((entry) => entry.from.test(importer) && entry.to.test(target))) return;
      if (lowerLayer) {
        context.report({ node, message: `${importer} is below the modules: it may not import ${target}.` });
      } else if (from && to.folder !== null && !PUBLIC.has(to.folder)) {
        context.report({
          node,
          message:
            `Module ${from.module} may use ${to.module} only through its commands, queries, events and domain, ` +
            `not ${to.folder}/ (or list the exception with its reason in eslint/module-boundaries.allow.mjs).`,
        });
      } else if (!from && to.folder === 'persistence') {
        context.report({ node, message: `Only module ${to.module} may import its persistence (${target}).` });
      }
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

const TABLE_IN_SQL = /\b(?:FROM|JOIN|UPDATE|INTO)\s+`?([a-z_]+)`?/gi;

/** @type {import('eslint').Rule.RuleModule} */
const tableOwner = {
  meta: {
    type: 'problem',
    docs: { description: 'SQL text in a module names only its own tables' },
    schema: [],
  },
  create(context) {
    const file = repoPath(context.filename);
    if (!file.startsWith('src/') || file.endsWith('.spec')) return {};
    const here = placeOf(file);
    const allowed = new Set(
      allowedSql.filter((entry) => entry.file.test(file)).flatMap((entry) => entry.tables),
    );

    function check(node, text) {
      for (const match of text.matchAll(TABLE_IN_SQL)) {
        const table = match[1].toLowerCase();
        const owner = TABLE_OWNERS[table];
        if (!owner || (here && here.module === owner) || allowed.has(table) || allowed.has('*')) continue;
        context.report({
          node,
          message:
            `SQL on ${table}, a table of module ${owner}: ask ${owner} through its queries or commands ` +
            `(or list this read model with its reason in eslint/module-boundaries.allow.mjs).`,
        });
      }
    }
    return {
      Literal(node) {
        if (typeof node.value === 'string') check(node, node.value);
      },
      TemplateLiteral(node) {
        check(node, node.quasis.map((quasi) => quasi.value.cooked ?? '').join(' '));
      },
    };
  },
};

export default { rules: { 'public-surface': publicSurface, 'table-owner': tableOwner } };
