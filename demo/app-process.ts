import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

/** The app (every role) from source, through ts-node without type checking: no build step, quick to start. */
export function startApp(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/** Resolves once `url` answers 200; rejects when the process exits first or `timeoutMs` passes. */
export async function waitUntilReady(app: ChildProcess, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (app.exitCode !== null || app.signalCode !== null)
      throw new Error(
        `the app stopped (${app.exitCode ?? app.signalCode}) before it was ready; its log is above`,
      );
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the app was not ready after ${timeoutMs / 1000} s: ${last}`);
}

/** Asks the app to stop (SIGTERM: it finishes what it is doing), and kills it if it has not within `graceMs`. */
export async function stopApp(app: ChildProcess, graceMs = 15_000): Promise<void> {
  if (app.exitCode !== null || app.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => app.once('exit', () => resolve()));
  app.kill('SIGTERM');
  const timer = setTimeout(() => app.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
