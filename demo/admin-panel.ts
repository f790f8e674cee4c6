import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const PANEL = join(ROOT, 'web/admin');

/**
 * Whether the app will serve the admin panel at /admin: its build (web/admin/dist) exists, or is made now
 * when the panel's sources are there but a fresh clone has not built them yet. A failed build leaves the
 * demo on the Swagger UI, with the build's output above.
 */
export async function adminPanelReady(say: (line: string) => void): Promise<boolean> {
  const built = join(PANEL, 'dist/index.html');
  if (existsSync(built)) return true;
  if (!existsSync(join(PANEL, 'package.json'))) return false;
  say('Demo: building the admin panel (web/admin), once…');
  const code = await new Promise<number | null>((resolve) => {
    const build = spawn('npm', ['run', 'build', '--workspace', 'web/admin'], { cwd: ROOT, stdio: 'inherit' });
    build.once('exit', resolve);
    build.once('error', () => resolve(1));
  });
  if (code !== 0) say('Demo: the admin panel did not build; the Swagger UI stands in for it.');
  return code === 0 && existsSync(built);
}
