import { join } from 'node:path';
import { brokenDocLinks, linkProblem, linkTargets } from './doc-links';

const ROOT = join(__dirname, '..');

describe('documentation links', () => {
  it('finds the links of prose, not of code', () => {
    const text = 'See [a](docs/A.md#x) and [b](<../B.md>).\n\n```md\n[c](C.md)\n```\nand `[d](D.md)`';
    expect(linkTargets(text)).toEqual(['docs/A.md#x', '../B.md']);
  });

  it('accepts files inside the repository and refuses other sites and paths above it', () => {
    expect(linkProblem(ROOT, 'README.md', 'DEPLOYMENT.md')).toBeNull();
    expect(linkProblem(ROOT, 'docs/FIRST_HOUR.md', '../README.md#try-it-in-one-command')).toBeNull();
    expect(linkProblem(ROOT, 'README.md', '#working-on-it')).toBeNull();
    expect(linkProblem(ROOT, 'README.md', '../shared/SPEC.md')).toBe('leaves the repository');
    expect(linkProblem(ROOT, 'README.md', 'https://example.com/')).toBe('points outside the repository');
    expect(linkProblem(ROOT, 'README.md', 'docs/NOPE.md')).toBe('no such file');
  });

  it('every link of README.md and docs/*.md resolves inside the repository', () => {
    expect(brokenDocLinks(ROOT)).toEqual([]);
  });
});
