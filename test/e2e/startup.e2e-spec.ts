import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { testEnv } from '../support/test-env';

/** Starts the real entry point (src/main.ts) the way `npm run start:dev` does, in a throwaway directory. */
function start(env: Record<string, string | undefined>) {
  const root = join(__dirname, '..', '..');
  return spawnSync(
    process.execPath,
    ['-r', require.resolve('ts-node/register/transpile-only'), join(root, 'src/main.ts')],
    {
      cwd: '/tmp', // no .env there: the environment below is all the app sees
      env: { PATH: process.env.PATH, TS_NODE_PROJECT: join(root, 'tsconfig.json'), ...env },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
}

describe('start-up configuration check', () => {
  // No .env in the directory, so the line also says which file to copy.
  const copyHint =
    '. There is no .env file here: copy the example with `cp .env.example .env` (or set the variables in the environment).';

  it('stops with one line naming a missing JWT_SECRET, and the .env to copy', () => {
    const result = start(testEnv({ JWT_SECRET: undefined }));
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(`Configuration error: JWT_SECRET is required but not set${copyHint}`);
  });

  it('stops with one line naming a malformed DATABASE_URL', () => {
    const result = start(testEnv({ DATABASE_URL: 'postgres://localhost/dvorik' }));
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      `Configuration error: DATABASE_URL must start with mysql://${copyHint}`,
    );
  });
});
