import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** A link in a Markdown file that does not resolve inside the repository. */
export interface BrokenLink {
  file: string;
  target: string;
  /** The target's path from the repository root (without #anchor). */
  path: string;
  reason: string;
}

/** The targets of the Markdown links `[text](target)` of a text, outside code blocks and code spans. Pure. */
export function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
}

/**
 * Why a link target of `file` is broken, or null when it names a file or directory inside `root`. Links
 * leaving the repository (another site, `../` above the root) are broken: a clone has only the repository.
 */
export function linkProblem(root: string, file: string, target: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return 'points outside the repository';
  const path = decodeURIComponent(target.split('#')[0]);
  if (path === '') return null;
  const absolute = resolve(dirname(join(root, file)), path);
  if (relative(root, absolute).startsWith('..')) return 'leaves the repository';
  return existsSync(absolute) ? null : 'no such file';
}

/** README.md and every docs/*.md of the repository at `root`, with their broken links. */
export function brokenDocLinks(root: string): BrokenLink[] {
  const docs = existsSync(join(root, 'docs'))
    ? readdirSync(join(root, 'docs'))
        .filter((name) => name.endsWith('.md'))
        .map((name) => `docs/${name}`)
    : [];
  return ['README.md', ...docs].flatMap((file) =>
    linkTargets(readFileSync(join(root, file), 'utf8')).flatMap((target) => {
      const reason = linkProblem(root, file, target);
      const path = relative(root, resolve(dirname(join(root, file)), target.split('#')[0]));
      return reason ? [{ file, target, path, reason }] : [];
    }),
  );
}
